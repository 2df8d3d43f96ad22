package dev.tastebot.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.MovableClock;
import dev.tastebot.config.TastebotConfig;
import dev.tastebot.config.TokenEncryptionKey;
import dev.tastebot.store.Database;
import dev.tastebot.store.SpotifyLink;
import dev.tastebot.store.SpotifyLinkStore;
import dev.tastebot.store.UserStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifyLinkingTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final URI REDIRECT = URI.create("http://127.0.0.1:8080/callback");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path folder;
    Database database;
    SpotifyLinkStore links;
    final FakeAccounts accounts = new FakeAccounts();
    final TokenEncryptionKey key = TokenCipherTest.randomKey();
    final MovableClock clock = new MovableClock(T0);
    final AtomicLong tickerNanos = new AtomicLong();
    SpotifyLinking linking;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        links = new SpotifyLinkStore(database);
        linking = linking(Optional.of("client-1"), Optional.of(key));
    }

    @AfterEach
    void close() {
        accounts.close();
        database.close();
    }

    private SpotifyLinking linking(Optional<String> clientId, Optional<TokenEncryptionKey> encryptionKey) {
        return linking(clientId, encryptionKey, false);
    }

    private SpotifyLinking linking(Optional<String> clientId, Optional<TokenEncryptionKey> encryptionKey, boolean playlists) {
        var spotify = new TastebotConfig.Spotify(clientId, Optional.empty(), REDIRECT,
                URI.create("https://api.invalid"), accounts.baseUrl(), playlists);
        return new SpotifyLinking(spotify, encryptionKey, links,
                new LinkStates(new SecureRandom(), clock, tickerNanos::get), HttpClient.newHttpClient(),
                new SecureRandom(), clock);
    }

    /** Starts a link for the user and returns the query of the authorize URL they were given. */
    private Map<String, String> startFor(String userId) {
        Start start = linking.start(userId, userId.equals(ALICE) ? "Alice" : "Bob");
        assertThat(start).isInstanceOf(Start.Open.class);
        return Query.parse(((Start.Open) start).authorizeUrl().getRawQuery());
    }

    private String storedRefreshToken(String userId) {
        return new TokenCipher(key, new SecureRandom()).decrypt(userId, links.find(userId).orElseThrow().encryptedRefreshToken());
    }

    private void linkAlice() {
        accounts.grant("access-1", "refresh-1", "user-library-read");
        assertThat(linking.complete(startFor(ALICE).get("state"), "code-1")).isInstanceOf(Completion.Linked.class);
    }

    @Test
    void linkingRefusesToStartWithoutAClientIdOrAnEncryptionKey() {
        assertThat(linking(Optional.empty(), Optional.of(key)).start(ALICE, "Alice"))
                .isInstanceOfSatisfying(Start.Refused.class,
                        refused -> assertThat(refused.message()).contains("TASTEBOT_SPOTIFY_CLIENT_ID"));
        assertThat(linking(Optional.of("client-1"), Optional.empty()).start(ALICE, "Alice"))
                .isInstanceOfSatisfying(Start.Refused.class,
                        refused -> assertThat(refused.message()).contains("TASTEBOT_TOKEN_ENCRYPTION_KEY"));
    }

    @Test
    void aCompletedLinkStoresOnlyTheEncryptedRefreshToken() {
        // GIVEN a user who started linking, and Spotify ready to grant tokens
        Start.Open open = (Start.Open) linking.start(ALICE, "Alice");
        Map<String, String> authorize = Query.parse(open.authorizeUrl().getRawQuery());
        assertThat(open.pasteBack()).isTrue();
        accounts.grant("access-1", "refresh-token-in-clear", "user-library-read");

        // WHEN Spotify sends them back with a code
        Completion completion = linking.complete(authorize.get("state"), "code-1");

        // THEN they are linked, the exchange proved the PKCE verifier behind the challenge
        assertThat(completion).isEqualTo(new Completion.Linked(ALICE, "Discord user Alice (discord:1001)", "user-library-read"));
        Map<String, String> exchange = accounts.forms().getFirst();
        assertThat(exchange).containsEntry("code", "code-1").containsEntry("redirect_uri", REDIRECT.toString());
        assertThat(Pkce.challenge(exchange.get("code_verifier"))).isEqualTo(authorize.get("code_challenge"));
        // AND the stored bytes are not the token, but decrypt to it for this user
        SpotifyLink stored = links.find(ALICE).orElseThrow();
        assertThat(new String(stored.encryptedRefreshToken(), StandardCharsets.ISO_8859_1)).doesNotContain("refresh-token-in-clear");
        assertThat(storedRefreshToken(ALICE)).isEqualTo("refresh-token-in-clear");
        assertThat(stored.status()).isEqualTo(SpotifyLink.Status.ACTIVE);
        assertThat(stored.linkedAt()).isEqualTo(T0);
        // AND the access token is at hand without another request
        assertThat(linking.accessToken(ALICE)).contains("access-1");
        assertThat(accounts.forms()).hasSize(1);
    }

    @Test
    void aStateWorksOnlyOnce() {
        linkAlice();
        String state = startFor(ALICE).get("state");
        accounts.grant("access-2", "refresh-2", "user-library-read");
        assertThat(linking.complete(state, "code-2")).isInstanceOf(Completion.Linked.class);

        assertThat(linking.complete(state, "code-2")).isEqualTo(new Completion.StateUnknownOrExpired());
        assertThat(accounts.forms()).hasSize(2);
    }

    @Test
    void aStateOlderThanTenMinutesIsRefusedWithoutAskingSpotify() {
        String state = startFor(ALICE).get("state");
        tickerNanos.addAndGet(Duration.ofMinutes(10).toNanos());

        Completion completion = linking.complete(state, "code-1");

        assertThat(completion).isEqualTo(new Completion.StateUnknownOrExpired());
        assertThat(completion.message()).contains("/link");
        assertThat(accounts.forms()).isEmpty();
        assertThat(links.find(ALICE)).isEmpty();
    }

    @Test
    void anAddressFromAnotherUsersLinkIsRefusedWithoutSpendingIt() {
        // GIVEN Alice started linking
        String state = startFor(ALICE).get("state");

        // WHEN Bob pastes the address Alice's browser was sent to
        Completion completion = linking.completeFromPastedUrl(BOB, REDIRECT + "?code=code-1&state=" + state);

        // THEN nothing is linked for Bob, and Spotify was not asked
        assertThat(completion).isEqualTo(new Completion.StateForAnotherUser());
        assertThat(accounts.forms()).isEmpty();
        assertThat(links.find(BOB)).isEmpty();
        // AND Alice's own paste still links her: Bob did not burn her attempt
        accounts.grant("access-1", "refresh-1", "user-library-read");
        assertThat(linking.completeFromPastedUrl(ALICE, REDIRECT + "?code=code-1&state=" + state))
                .isEqualTo(new Completion.Linked(ALICE, "Discord user Alice (discord:1001)", "user-library-read"));
        assertThat(storedRefreshToken(ALICE)).isEqualTo("refresh-1");
    }

    @Test
    void aDeclinedConsentLinksNothing() {
        String state = startFor(ALICE).get("state");

        Completion completion = linking.completeFromCallback("error=access_denied&state=" + state);

        assertThat(completion).isEqualTo(new Completion.Denied(ALICE));
        assertThat(accounts.forms()).isEmpty();
        assertThat(links.find(ALICE)).isEmpty();
    }

    @Test
    void aPastedAddressCompletesTheLinkTheSameWay() {
        // GIVEN Alice started linking and her browser landed on the loopback address
        String state = startFor(ALICE).get("state");
        accounts.grant("access-1", "refresh-1", "user-library-read");

        // WHEN she pastes it, wrapped the way chat clients wrap links
        Completion completion = linking.completeFromPastedUrl(ALICE, "  <" + REDIRECT + "?code=code-1&state=" + state + ">\n");

        // THEN she is linked
        assertThat(completion).isEqualTo(new Completion.Linked(ALICE, "Discord user Alice (discord:1001)", "user-library-read"));
        assertThat(storedRefreshToken(ALICE)).isEqualTo("refresh-1");
    }

    @Test
    void aPastedAddressWithoutCodeOrAGarbledOneIsExplainedAndSpendsNothing() {
        String state = startFor(ALICE).get("state");

        assertThat(linking.completeFromPastedUrl(ALICE, REDIRECT + "?state=" + state))
                .isInstanceOfSatisfying(Completion.Failed.class, failed -> assertThat(failed.message()).contains("no code"));
        assertThat(linking.completeFromPastedUrl(ALICE, "I clicked allow!!"))
                .isInstanceOfSatisfying(Completion.Failed.class,
                        failed -> assertThat(failed.message()).contains("paste it here").contains(REDIRECT.toString()));
        assertThat(linking.completeFromPastedUrl(ALICE, "http://127.0.0.1:8080/callback"))
                .isInstanceOf(Completion.Failed.class);

        // AND the attempt still works with the right address
        accounts.grant("access-1", "refresh-1", "user-library-read");
        assertThat(linking.completeFromPastedUrl(ALICE, REDIRECT + "?code=c&state=" + state)).isInstanceOf(Completion.Linked.class);
    }

    @Test
    void aFailedExchangeSaysWhatToDo() {
        accounts.error(400, "invalid_grant", "Invalid authorization code").reply(502, "bad gateway");

        assertThat(linking.complete(startFor(ALICE).get("state"), "code-1").message()).contains("/link to try again");
        assertThat(linking.complete(startFor(ALICE).get("state"), "code-2").message()).contains("could not be reached");
        assertThat(links.find(ALICE)).isEmpty();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheRotatedRefreshTokenStored() {
        // GIVEN a linked user whose access token has run out
        linkAlice();
        clock.advance(Duration.ofHours(1));
        accounts.grant("access-2", "refresh-2", "user-library-read");

        // WHEN a token is asked for
        Optional<String> token = linking.accessToken(ALICE);

        // THEN the old refresh token bought a new access token, and the new refresh token is stored
        assertThat(token).contains("access-2");
        assertThat(accounts.forms().getLast()).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "refresh-1");
        assertThat(storedRefreshToken(ALICE)).isEqualTo("refresh-2");
        assertThat(links.find(ALICE).orElseThrow().refreshedAt()).contains(clock.instant());
        assertThat(linking.accessToken(ALICE)).contains("access-2");
        assertThat(accounts.forms()).hasSize(2);
    }

    @Test
    void anAccessTokenSpotifyRefusedIsReplacedAtOnceThoughItHasNotRunOut() {
        // GIVEN a linked user with a cached access token that has not run out
        linkAlice();
        assertThat(linking.accessToken(ALICE)).contains("access-1");
        accounts.grant("access-2", "refresh-2", "user-library-read");

        // WHEN Spotify refused it and a new one is asked for
        Optional<String> token = linking.refreshedAccessToken(ALICE);

        // THEN the refresh token bought a new one at once
        assertThat(token).contains("access-2");
        assertThat(accounts.forms().getLast()).containsEntry("grant_type", "refresh_token");
        assertThat(storedRefreshToken(ALICE)).isEqualTo("refresh-2");
    }

    @Test
    void aRefreshWithoutANewRefreshTokenKeepsTheOldOne() {
        linkAlice();
        clock.advance(Duration.ofMinutes(59).plusSeconds(30)); // inside the margin: refreshed early
        accounts.grantWithoutRefreshToken("access-2", "user-library-read");

        assertThat(linking.accessToken(ALICE)).contains("access-2");
        assertThat(storedRefreshToken(ALICE)).isEqualTo("refresh-1");
    }

    @Test
    void aRefusedRefreshTokenExpiresTheLink() {
        // GIVEN a linked user whose refresh token Spotify no longer accepts
        linkAlice();
        clock.advance(Duration.ofHours(2));
        accounts.error(400, "invalid_grant", "Refresh token revoked");

        // WHEN a token is asked for
        // THEN there is none, the link is expired, and Spotify is not asked again
        assertThat(linking.accessToken(ALICE)).isEmpty();
        assertThat(links.find(ALICE).orElseThrow().status()).isEqualTo(SpotifyLink.Status.EXPIRED);
        assertThat(linking.accessToken(ALICE)).isEmpty();
        assertThat(accounts.forms()).hasSize(2);
    }

    @Test
    void anUnreachableSpotifyLeavesTheLinkActive() {
        linkAlice();
        clock.advance(Duration.ofHours(2));
        accounts.reply(503, "down");

        assertThat(linking.accessToken(ALICE)).isEmpty();
        assertThat(links.find(ALICE).orElseThrow().status()).isEqualTo(SpotifyLink.Status.ACTIVE);
        assertThat(storedRefreshToken(ALICE)).isEqualTo("refresh-1");
    }

    @Test
    void refreshesOfTwoUsersDoNotWaitForEachOtherAndTwoOfOneUserNeverRace() throws Exception {
        // GIVEN Alice and Bob are linked, and their access tokens have run out
        linkAlice();
        accounts.grant("access-b1", "refresh-b1", "user-library-read");
        assertThat(linking.complete(startFor(BOB).get("state"), "code-b")).isInstanceOf(Completion.Linked.class);
        clock.advance(Duration.ofHours(1));
        // AND Spotify holds Alice's refresh until the test lets it answer
        CountDownLatch aliceAtSpotify = new CountDownLatch(1);
        CountDownLatch answerAlice = new CountDownLatch(1);
        accounts.holdRefreshesOf("refresh-1", aliceAtSpotify, answerAlice);
        accounts.grant("access-2", "refresh-2", "user-library-read").grant("access-b2", "refresh-b2", "user-library-read");
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<Optional<String>> alice = callers.submit(() -> linking.accessToken(ALICE));
            assertThat(aliceAtSpotify.await(20, TimeUnit.SECONDS)).isTrue();
            // AND a second call for Alice waits meanwhile
            AtomicReference<Thread> secondCaller = new AtomicReference<>();
            Future<Optional<String>> aliceAgain = callers.submit(() -> {
                secondCaller.set(Thread.currentThread());
                return linking.accessToken(ALICE);
            });
            awaitWaiting(secondCaller);

            // WHEN Bob needs a token while Alice's refresh is held
            Optional<String> bob = callers.submit(() -> linking.accessToken(BOB)).get(20, TimeUnit.SECONDS);

            // THEN Bob has his new token without waiting for Alice
            assertThat(bob).contains("access-b2");
            // AND once Spotify answers Alice, both her calls have the token of one single refresh
            answerAlice.countDown();
            assertThat(alice.get(20, TimeUnit.SECONDS)).contains("access-2");
            assertThat(aliceAgain.get(20, TimeUnit.SECONDS)).contains("access-2");
            assertThat(accounts.forms()).filteredOn(form -> "refresh-1".equals(form.get("refresh_token"))).hasSize(1);
            assertThat(storedRefreshToken(ALICE)).isEqualTo("refresh-2");
        } finally {
            answerAlice.countDown();
            callers.shutdownNow();
        }
    }

    /** Until the thread is parked: on Alice's lock (or, were there none, in a request of its own). */
    private static void awaitWaiting(AtomicReference<Thread> thread) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (thread.get() == null || thread.get().getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("the second call is waiting").isLessThan(giveUp);
            Thread.onSpinWait();
        }
    }

    @Test
    void forgettingAUserDropsTheirOpenAttemptsTokenAndLink() {
        // GIVEN Alice is linked, with a token at hand, and has another link attempt open
        linkAlice();
        String open = startFor(ALICE).get("state");
        accounts.grant("access-9", "refresh-9", "user-library-read");

        // WHEN she is forgotten
        linking.forget(ALICE);

        // THEN her token and link are gone, and her open attempt no longer links anything
        assertThat(linking.accessToken(ALICE)).isEmpty();
        assertThat(links.find(ALICE)).isEmpty();
        assertThat(linking.complete(open, "code-9")).isEqualTo(new Completion.StateUnknownOrExpired());
        assertThat(accounts.forms()).hasSize(1);
    }

    @Test
    void aLinkWhoseUserWasForgottenDuringTheExchangeIsNotKept() {
        // GIVEN Alice started linking, then her data was deleted before Spotify's answer was stored
        String state = startFor(ALICE).get("state");
        new UserStore(database).delete(ALICE);
        accounts.grant("access-1", "refresh-1", "user-library-read");

        // WHEN the approval comes back
        Completion completion = linking.complete(state, "code-1");

        // THEN nothing is linked, and Alice is not brought back
        assertThat(completion).isInstanceOfSatisfying(Completion.Failed.class,
                failed -> assertThat(failed.message()).contains("/forget-me"));
        assertThat(links.find(ALICE)).isEmpty();
        assertThat(linking.accessToken(ALICE)).isEmpty();
        assertThat(new UserStore(database).exists(ALICE)).isFalse();
    }

    @Test
    void unlinkingDeletesTheTokens() {
        linkAlice();

        assertThat(linking.unlink(ALICE)).isTrue();

        assertThat(links.find(ALICE)).isEmpty();
        assertThat(linking.accessToken(ALICE)).isEmpty();
        assertThat(linking.unlink(ALICE)).isFalse();
        assertThat(new UserStore(database).exists(ALICE)).isTrue();
    }

    @Test
    void forgettingTheUserRemovesTheLink() {
        linkAlice();

        new UserStore(database).delete(ALICE);

        assertThat(links.find(ALICE)).isEmpty();
    }

    @Test
    void withPlaylistsOnALinkMadeWithoutTheirScopeIsWorthLinkingAgain() {
        // GIVEN Alice linked while playlists were off
        linkAlice();
        assertThat(linking.grantedScopes(ALICE)).contains(Set.of("user-library-read"));
        assertThat(linking.lacksAskedScope(ALICE)).isFalse();

        // WHEN the operator turns playlists on
        linking = linking(Optional.of("client-1"), Optional.of(key), true);

        // THEN linking asks for both scopes, and her link lacks one
        assertThat(startFor(BOB).get("scope")).isEqualTo("user-library-read playlist-modify-private");
        assertThat(linking.lacksAskedScope(ALICE)).isTrue();

        // AND once she links again allowing it, nothing is lacking
        accounts.grant("access-2", "refresh-2", "playlist-modify-private user-library-read");
        assertThat(linking.complete(startFor(ALICE).get("state"), "code-2")).isInstanceOf(Completion.Linked.class);
        assertThat(linking.grantedScopes(ALICE)).contains(Set.of("user-library-read", "playlist-modify-private"));
        assertThat(linking.lacksAskedScope(ALICE)).isFalse();
    }

    @Test
    void anExpiredOrMissingLinkGrantsNothing() {
        linkAlice();
        links.markExpired(ALICE);

        assertThat(linking.grantedScopes(ALICE)).isEmpty();
        assertThat(linking.grantedScopes(BOB)).isEmpty();
        assertThat(linking(Optional.of("client-1"), Optional.of(key), true).lacksAskedScope(ALICE)).isFalse();
    }

    @Test
    void aUserWithoutALinkHasNoToken() {
        assertThat(linking.accessToken(BOB)).isEmpty();
        assertThat(accounts.forms()).isEmpty();
    }
}
