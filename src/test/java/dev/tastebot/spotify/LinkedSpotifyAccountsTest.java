package dev.tastebot.spotify;

import dev.tastebot.chat.ChatUser;

import dev.tastebot.spotify.api.FakeSpotifyApi;
import dev.tastebot.spotify.auth.FakeAccounts;
import dev.tastebot.store.Database;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.SpotifyLinkStore;
import dev.tastebot.text.RichText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
    private SpotifyFixture fixture;
    private FakeAccounts accounts;
    private FakeSpotifyApi api;
    private LinkedSpotifyAccounts spotify;
    private final List<List<String>> featuresWanted = new ArrayList<>();
    private final List<String> retrained = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        database = Database.open(folder.resolve("tastebot.db"));
        fixture = new SpotifyFixture(database, false, featuresWanted::add, retrained::add);
        accounts = fixture.accounts;
        api = fixture.api;
        spotify = fixture.spotify;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        database.close();
    }

    @Test
    void linkingByAPastedAddressBringsInTheSavedSongs() {
        // GIVEN Ana asked to link
        String answer = spotify.link(ChatUser.ofUserId(ANA), Optional.empty()).plain();
        assertThat(answer).startsWith("Open this link to let tastebot read your saved songs (it works once, for 10 minutes): ")
                .contains("copy its whole address");
        Matcher state = Pattern.compile("state=([^&\\s]+)").matcher(answer);
        assertThat(state.find()).isTrue();

        // WHEN she pastes the address her browser ended on
        accounts.grant("access-1", "refresh-1", "user-library-read");
        api.answer(Answer.json(FakeSpotifyApi.savedPage(0, 1,
                List.of(FakeSpotifyApi.trackJson(ID, "One More Time", "Daft Punk", "2001-03-12")), false)));
        String linked = spotify.link(ChatUser.ofUserId(ANA), Optional.of("http://127.0.0.1:8080/callback?code=c-1&state=" + state.group(1))).plain();

        // THEN the account is linked and her saved song is a like, with its features asked for
        assertThat(linked).isEqualTo("Your Spotify account is linked. Synced 1 new saved song from Spotify; 1 is a new like.");
        assertThat(new RatingStore(database).current(ANA, ID)).isPresent();
        assertThat(api.requests.getFirst().authorization()).isEqualTo("Bearer access-1");
        assertThat(featuresWanted).containsExactly(List.of(ID));
        assertThat(retrained).containsExactly(ANA);

        // AND /link again only syncs, and unlink deletes the tokens
        assertThat(spotify.link(ChatUser.ofUserId(ANA), Optional.empty()).plain()).isEqualTo(
                "Your Spotify account is already linked. Your Spotify library has no new saved songs since the last sync.");
        assertThat(spotify.unlink(ANA).plain()).startsWith("Unlinked: your Spotify tokens are deleted.");
        assertThat(new SpotifyLinkStore(database).find(ANA)).isEmpty();
        assertThat(spotify.unlink(ANA).plain()).isEqualTo("Your Spotify account wasn't linked.");
    }

    @Test
    void aBadPastedAddressLinksNothing() {
        spotify.link(ChatUser.ofUserId(ANA), Optional.empty());

        String answer = spotify.link(ChatUser.ofUserId(ANA), Optional.of("hello")).plain();

        assertThat(answer).startsWith("That is not the address your browser was sent to.");
        assertThat(new SpotifyLinkStore(database).find(ANA)).isEmpty();
        assertThat(api.requests).isEmpty();
    }

    @Test
    void anErrorInAPastedAddressIsQuotedAsOutsideTextNeverAsMarkup() {
        // GIVEN Ana's link, and an address whose error parameter she (or whoever sent it to her) wrote
        Matcher state = Pattern.compile("state=([^&\\s]+)").matcher(spotify.link(ChatUser.ofUserId(ANA), Optional.empty()).plain());
        assertThat(state.find()).isTrue();

        // WHEN she pastes it
        RichText answer = spotify.link(ChatUser.ofUserId(ANA), Optional.of("http://127.0.0.1:8080/callback?error=%3C%401%3E**x**%0A%23+big&state="
                + state.group(1)));

        // THEN Spotify's "error" is quoted on one line, as outside text that every adapter escapes
        assertThat(answer.spans()).containsExactly(new RichText.Span.Outside(
                "Spotify reported an error (<@1>**x** # big): use /link to try again.", false));
    }
}
