package dev.tastebot.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.config.TastebotConfig;
import dev.tastebot.store.Database;
import dev.tastebot.store.SpotifyLinkStore;
import dev.tastebot.web.WebServer;
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
        web = new WebServer(0, () -> true, Optional.of(new SpotifyCallback(linking, linkedUsers::add)));
        web.start();
    }

    @AfterEach
    void close() {
        web.close();
        accounts.close();
        database.close();
    }

    private HttpResponse<String> comeBack(String query) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/callback?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String stateFor(String userId) {
        return Query.parse(((Start.Open) linking.start(userId)).authorizeUrl().getRawQuery()).get("state");
    }

    @Test
    void aGoodReturnLinksAndSendsTheUserBackToDiscord() throws Exception {
        accounts.grant("access-1", "refresh-1", "user-library-read");

        HttpResponse<String> page = comeBack("code=code-1&state=" + stateFor(ALICE));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Linked!").contains("You can go back to Discord");
        assertThat(links.find(ALICE)).isPresent();
        assertThat(linkedUsers).containsExactly(ALICE);
    }

    @Test
    void aReusedOrUnknownStateShowsThatTheLinkExpired() throws Exception {
        accounts.grant("access-1", "refresh-1", "user-library-read");
        String state = stateFor(ALICE);
        comeBack("code=code-1&state=" + state);

        HttpResponse<String> again = comeBack("code=code-1&state=" + state);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired").contains("/link");
    }

    @Test
    void aDeclinedConsentShowsThatNothingWasLinked() throws Exception {
        HttpResponse<String> page = comeBack("error=access_denied&state=" + stateFor(ALICE));

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
