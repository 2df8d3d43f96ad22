package dev.tastebot.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.config.TastebotConfig;
import dev.tastebot.store.Database;
import dev.tastebot.store.SpotifyLinkStore;
import dev.tastebot.web.WebServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole return trip: a browser request to the real web server, through linking, to the fake accounts service. */
class SpotifyCallbackTest {
    private final java.util.List<String> linkedUsers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final String ALICE = "discord:1001";

    @TempDir
    Path folder;
    Database database;
    SpotifyLinkStore links;
    SpotifyLinking linking;
    WebServer web;
    final FakeAccounts accounts = new FakeAccounts();
    final HttpClient browser = HttpClient.newHttpClient();

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        links = new SpotifyLinkStore(database);
        var spotify = new TastebotConfig.Spotify(Optional.of("client-1"), Optional.empty(),
                URI.create("http://127.0.0.1:8080/callback"), URI.create("https://api.invalid"), accounts.baseUrl());
        linking = new SpotifyLinking(spotify, Optional.of(TokenCipherTest.randomKey()), links,
                new LinkStates(new SecureRandom()), HttpClient.newHttpClient(), new SecureRandom(), Clock.systemUTC());
        web = new WebServer(InetAddress.getLoopbackAddress(), 0, () -> true,
                Optional.of(new SpotifyCallback(linking, linkedUsers::add)));
        web.start();
    }

    @AfterEach
    void close() {
        web.close();
        accounts.close();
        database.close();
    }

    /** The browser arriving from Spotify's consent page. */
    private HttpResponse<String> comeBack(String query) throws Exception {
        return browser.send(HttpRequest.newBuilder(callback(query)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The browser submitting the page's form, which has no action: it posts to the page's own address. */
    private HttpResponse<String> confirm(String query) throws Exception {
        return browser.send(HttpRequest.newBuilder(callback(query))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI callback(String query) {
        return URI.create("http://127.0.0.1:" + web.port() + "/callback?" + query);
    }

    private String stateFor(String userId, String name) {
        return Query.parse(((Start.Open) linking.start(userId, name)).authorizeUrl().getRawQuery()).get("state");
    }

    @Test
    void theReturnFromSpotifyNamesTheAccountAndLinksNothingBeforeTheConfirmation() throws Exception {
        // GIVEN Alice asked to link, and the approval comes back to the browser
        String query = "code=code-1&state=" + stateFor(ALICE, "Alice");

        // WHEN the browser arrives
        HttpResponse<String> page = comeBack(query);

        // THEN the page names the chat account and offers a button that posts back, in a page no one can frame
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Discord user Alice (discord:1001)")
                .contains("<form method=\"post\"><button type=\"submit\">Link to Discord user Alice (discord:1001)</button></form>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("frame-ancestors 'none'").contains("form-action 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        // AND nothing was exchanged or linked yet
        assertThat(accounts.forms()).isEmpty();
        assertThat(links.find(ALICE)).isEmpty();
        assertThat(linkedUsers).isEmpty();
    }

    @Test
    void theConfirmationLinksAndSaysToWhichAccount() throws Exception {
        accounts.grant("access-1", "refresh-1", "user-library-read");
        String query = "code=code-1&state=" + stateFor(ALICE, "Alice");
        comeBack(query);

        HttpResponse<String> page = confirm(query);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Linked!").contains("linked to Discord user Alice (discord:1001)")
                .contains("You can go back to the chat");
        assertThat(links.find(ALICE)).isPresent();
        assertThat(linkedUsers).containsExactly(ALICE);
    }

    @Test
    void aNameThatLooksLikeMarkupIsShownAsText() throws Exception {
        HttpResponse<String> page = comeBack("code=code-1&state=" + stateFor(ALICE, "<img src=x onerror=alert(1)>"));

        assertThat(page.body()).contains("Discord user &lt;img src=x onerror=alert(1)&gt; (discord:1001)")
                .doesNotContain("<img");
    }

    @Test
    void aReusedOrUnknownStateShowsThatTheLinkExpired() throws Exception {
        accounts.grant("access-1", "refresh-1", "user-library-read");
        String state = stateFor(ALICE, "Alice");
        confirm("code=code-1&state=" + state);

        HttpResponse<String> again = confirm("code=code-1&state=" + state);
        HttpResponse<String> arriving = comeBack("code=code-1&state=" + state);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired").contains("/link");
        assertThat(arriving.statusCode()).isEqualTo(400);
        assertThat(arriving.body()).contains("expired");
    }

    @Test
    void aDeclinedConsentShowsThatNothingWasLinked() throws Exception {
        HttpResponse<String> page = comeBack("error=access_denied&state=" + stateFor(ALICE, "Alice"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Nothing was linked");
        assertThat(links.find(ALICE)).isEmpty();
        assertThat(linkedUsers).isEmpty();
    }

    @Test
    void anAddressWithoutCodeOrStateIsExplained() throws Exception {
        HttpResponse<String> page = comeBack("hello=%3Cscript%3E");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("missing its code or state").doesNotContain("<script>");
    }
}
