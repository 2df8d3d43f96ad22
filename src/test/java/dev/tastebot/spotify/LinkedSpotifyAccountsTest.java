package dev.tastebot.spotify;

import dev.tastebot.config.TastebotConfig;
import dev.tastebot.config.TokenEncryptionKey;
import dev.tastebot.library.LibrarySync;
import dev.tastebot.spotify.api.FakeSpotifyApi;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.spotify.api.UserTokens;
import dev.tastebot.spotify.auth.FakeAccounts;
import dev.tastebot.spotify.auth.LinkStates;
import dev.tastebot.spotify.auth.SpotifyLinking;
import dev.tastebot.store.Database;
import dev.tastebot.store.LibrarySyncStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.SpotifyLinkStore;
import dev.tastebot.store.TrackStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.KeyGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tastebot.spotify.api.FakeSpotifyApi.Answer;
import static org.assertj.core.api.Assertions.assertThat;

/** Linking by a pasted address, then the saved songs brought in: Spotify's two hosts faked locally. */
class LinkedSpotifyAccountsTest {
    private static final String ANA = "discord:100";
    private static final String ID = "0DiWol3AO6WpXZgp0goxAV";

    @TempDir
    Path folder;
    private Database database;
    private FakeAccounts accounts;
    private FakeSpotifyApi api;
    private LinkedSpotifyAccounts spotify;
    private final List<List<String>> featuresWanted = new ArrayList<>();
    private final List<String> retrained = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        database = Database.open(folder.resolve("tastebot.db"));
        accounts = new FakeAccounts();
        api = new FakeSpotifyApi();
        var config = new TastebotConfig.Spotify(Optional.of("client-1"), Optional.empty(),
                URI.create("http://127.0.0.1:8080/callback"), api.baseUrl(), accounts.baseUrl());
        SecureRandom random = new SecureRandom();
        SpotifyLinking linking = new SpotifyLinking(config, Optional.of(key()), new SpotifyLinkStore(database),
                new LinkStates(random), HttpClient.newHttpClient(), random, Clock.systemUTC());
        LibrarySyncStore marks = new LibrarySyncStore(database);
        LibrarySync sync = new LibrarySync(new SpotifyWeb(api.baseUrl(), wait -> { }, Duration.ofSeconds(5)),
                new UserTokens() {
                    public Optional<String> current(String userId) {
                        return linking.accessToken(userId);
                    }

                    public Optional<String> refreshed(String userId) {
                        return linking.refreshedAccessToken(userId);
                    }
                },
                marks,
                new TrackStore(database, Clock.systemUTC()), new RatingStore(database), Clock.systemUTC());
        spotify = new LinkedSpotifyAccounts(linking, sync, featuresWanted::add, retrained::add);
    }

    private static TokenEncryptionKey key() throws NoSuchAlgorithmException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return new TokenEncryptionKey(generator.generateKey());
    }

    @AfterEach
    void tearDown() {
        api.close();
        accounts.close();
        database.close();
    }

    @Test
    void linkingByAPastedAddressBringsInTheSavedSongs() {
        // GIVEN Ana asked to link
        String answer = spotify.link(ANA, Optional.empty());
        assertThat(answer).startsWith("Open this link to let tastebot read your saved songs (it works once, for 10 minutes): ")
                .contains("copy its whole address");
        Matcher state = Pattern.compile("state=([^&\\s]+)").matcher(answer);
        assertThat(state.find()).isTrue();

        // WHEN she pastes the address her browser ended on
        accounts.grant("access-1", "refresh-1", "user-library-read");
        api.answer(Answer.json(FakeSpotifyApi.savedPage(0, 1,
                List.of(FakeSpotifyApi.trackJson(ID, "One More Time", "Daft Punk", "2001-03-12")), false)));
        String linked = spotify.link(ANA, Optional.of("http://127.0.0.1:8080/callback?code=c-1&state=" + state.group(1)));

        // THEN the account is linked and her saved song is a like, with its features asked for
        assertThat(linked).isEqualTo("Your Spotify account is linked. Synced 1 new saved song from Spotify; 1 is a new like.");
        assertThat(new RatingStore(database).current(ANA, ID)).isPresent();
        assertThat(api.requests.getFirst().authorization()).isEqualTo("Bearer access-1");
        assertThat(featuresWanted).containsExactly(List.of(ID));
        assertThat(retrained).containsExactly(ANA);

        // AND /link again only syncs, and unlink deletes the tokens
        assertThat(spotify.link(ANA, Optional.empty())).isEqualTo(
                "Your Spotify account is already linked. Your Spotify library has no new saved songs since the last sync.");
        assertThat(spotify.unlink(ANA)).startsWith("Unlinked: your Spotify tokens are deleted.");
        assertThat(new SpotifyLinkStore(database).find(ANA)).isEmpty();
        assertThat(spotify.unlink(ANA)).isEqualTo("Your Spotify account wasn't linked.");
    }

    @Test
    void aBadPastedAddressLinksNothing() {
        spotify.link(ANA, Optional.empty());

        String answer = spotify.link(ANA, Optional.of("hello"));

        assertThat(answer).startsWith("That is not the address your browser was sent to.");
        assertThat(new SpotifyLinkStore(database).find(ANA)).isEmpty();
        assertThat(api.requests).isEmpty();
    }
}
