package dev.tastebot.spotify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatFixture;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import dev.tastebot.console.ConsoleAdapter;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.Rating;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrustedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** /playlist through the real chat core, with Spotify faked only at its two hosts. */
class PlaylistCommandTest {
    private static final ChatUser ANA = new ChatUser("discord", "100", "Ana");

    @TempDir
    Path folder;
    private ChatFixture chat;
    private SpotifyFixture spotify;

    /** A chat over {@code syntheticSongs} songs with made-up ids, and Spotify with playlists on. */
    private void start(int syntheticSongs) {
        chat = new ChatFixture(folder, syntheticSongs, database -> {
            try {
                spotify = new SpotifyFixture(database, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return spotify.spotify;
        });
    }

    @AfterEach
    void tearDown() {
        spotify.close();
        chat.close();
    }

    /** Spotify tracks in the catalogue, by 22-character ids. */
    private List<String> addSpotifyTracks(int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> String.format("SpotifyTrackNumber%04d", i)).toList();
        for (String id : ids) {
            chat.tracks().writeTrusted(TrustedSource.CATALOG, List.of(new Track(id, "Song " + id, List.of("Artist " + id),
                    Optional.empty(), OptionalInt.empty(),
                    Optional.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.empty())));
        }
        return ids;
    }

    /** Rates every synthetic song, so that only the songs added afterwards are left to rate. */
    private void rateTheSyntheticSongs() {
        chat.wouldLike().forEach((id, liked) -> chat.ratings().rate(ANA.userId(), id, liked, "chat", ChatFixture.NOW));
    }

    private static List<Reply.SongCard> cards(List<Reply> replies) {
        return replies.stream().filter(Reply.SongCard.class::isInstance).map(Reply.SongCard.class::cast).toList();
    }

    /** The songs the last replacement of playlist items sent. */
    private List<String> urisSent() throws IOException {
        var put = spotify.api.requests.stream().filter(r -> r.method().equals("PUT")).reduce((a, b) -> b).orElseThrow();
        List<String> uris = new ArrayList<>();
        new ObjectMapper().readTree(put.body()).get("uris").forEach(uri -> uris.add(uri.asText()));
        return uris;
    }

    private static List<String> urisOf(List<Reply.SongCard> cards) {
        return cards.stream().map(card -> "spotify:track:" + card.trackId()).toList();
    }

    @Test
    void theNextSongsToRateGoIntoThePlaylistAndArePostedToRate() throws IOException {
        // GIVEN Ana, linked with playlists allowed, and forty Spotify songs she has not rated
        start(3);
        rateTheSyntheticSongs();
        List<String> unrated = addSpotifyTracks(40);
        spotify.link(ANA.userId(), SpotifyFixture.PLAYLIST_SCOPES, "access-1");

        // WHEN she asks for the playlist
        List<Reply> replies = chat.core().handle(ANA, new ChatCommand.Playlist());

        // THEN up to ten different songs were written into her new playlist, in the order they are posted
        List<Reply.SongCard> cards = cards(replies);
        assertThat(cards).hasSizeBetween(1, 10).extracting(Reply.SongCard::trackId).doesNotHaveDuplicates()
                .allMatch(unrated::contains);
        assertThat(spotify.calls()).containsExactly("POST /v1/me/playlists", "PUT /v1/playlists/PlaylistNumber00000001/items");
        assertThat(urisSent()).isEqualTo(urisOf(cards));
        // AND the answer links the playlist, then each song comes as a card to rate with 👍 / 👎, outside a session
        assertThat(replies.getFirst()).isInstanceOfSatisfying(Reply.Text.class, answer -> assertThat(answer.text()).isEqualTo(
                "Your private Spotify playlist of songs to rate now holds " + cards.size() + (cards.size() == 1 ? " song" : " songs")
                + ": https://open.spotify.com/playlist/PlaylistNumber00000001\nListen there, then rate each song below with 👍 / 👎."));
        assertThat(replies).hasSize(cards.size() + 1);
        assertThat(cards).allSatisfy(card -> {
            assertThat(card.inSession()).isFalse();
            assertThat(card.reactions()).containsExactly(Reaction.LIKE, Reaction.DISLIKE);
            assertThat(card.url()).isEqualTo("https://open.spotify.com/track/" + card.trackId());
            assertThat(card.why().plain()).isNotBlank();
        });

        // WHEN she rates one of the posted songs
        Reply.SongCard first = cards.getFirst();
        chat.core().posted(ANA, "m1", first);
        List<Reply> next = chat.core().reacted("discord", "m1", ANA, Reaction.DISLIKE, true);

        // THEN the rating is stored as one given in the chat (not as a daily message's), and no session song follows
        assertThat(first.purpose()).isEqualTo(Reply.Purpose.PLAYLIST);
        assertThat(chat.ratings().current(ANA.userId(), first.trackId())).hasValueSatisfying(rating -> {
            assertThat(rating.liked()).isFalse();
            assertThat(rating.source()).isEqualTo("chat");
        });
        assertThat(chat.posted().find("discord:m1")).map(PostedSong::purpose).contains(PostedSong.PLAYLIST);
        assertThat(next).isEmpty();
    }

    @Test
    void inTheConsoleTheSongsAreRatedInTheOrderShown() throws IOException {
        // GIVEN a console user, linked with playlists allowed, and Spotify songs to rate
        ChatUser local = new ChatUser("console", "local", "you");
        start(3);
        chat.wouldLike().keySet().forEach(id -> chat.ratings().rate(local.userId(), id, true, "chat", ChatFixture.NOW));
        addSpotifyTracks(40);
        spotify.link(local.userId(), SpotifyFixture.PLAYLIST_SCOPES, "access-1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // WHEN they ask for the playlist and rate twice
        new ConsoleAdapter(chat.core(), local, folder, new BufferedReader(new StringReader("/playlist\n+\n-\n")),
                new PrintStream(out, true, StandardCharsets.UTF_8)).run();

        // THEN the first song shown is liked and the second disliked
        List<String> shown = Pattern.compile("https://open\\.spotify\\.com/track/(\\w+)").matcher(out.toString(StandardCharsets.UTF_8))
                .results().map(match -> match.group(1)).toList();
        assertThat(shown).hasSizeGreaterThanOrEqualTo(2);
        assertThat(chat.ratings().current(local.userId(), shown.get(0))).map(Rating::liked).contains(true);
        assertThat(chat.ratings().current(local.userId(), shown.get(1))).map(Rating::liked).contains(false);
        assertThat(shown.subList(2, shown.size())).allSatisfy(id -> assertThat(chat.ratings().current(local.userId(), id)).isEmpty());
    }

    @Test
    void songsThatAreNotSpotifyTracksAreLeftOutAndTheAnswerSaysSo() throws IOException {
        // GIVEN one unrated song with a made-up id and one Spotify song
        start(1);
        String spotifySong = addSpotifyTracks(1).getFirst();
        spotify.link(ANA.userId(), SpotifyFixture.PLAYLIST_SCOPES, "access-1");

        // WHEN she asks for the playlist (both songs come up: twenty picks from two)
        List<Reply> replies = chat.core().handle(ANA, new ChatCommand.Playlist());

        // THEN only the Spotify song is written and posted, and the made-up one is named as left out
        assertThat(cards(replies)).extracting(Reply.SongCard::trackId).containsExactly(spotifySong);
        assertThat(urisSent()).containsExactly("spotify:track:" + spotifySong);
        assertThat(((Reply.Text) replies.getFirst()).text()).startsWith("Your private Spotify playlist of songs to rate now holds 1 song: ")
                .endsWith("(1 song was left out: not Spotify tracks.)");
    }

    @Test
    void withOnlyMadeUpIdsNothingIsAskedOfSpotify() {
        start(5);
        spotify.link(ANA.userId(), SpotifyFixture.PLAYLIST_SCOPES, "access-1");

        List<Reply> replies = chat.core().handle(ANA, new ChatCommand.Playlist());

        assertThat(replies).singleElement().asString().contains("The next songs to rate are not Spotify tracks");
        assertThat(spotify.api.requests).isEmpty();
    }

    @Test
    void withEverySongRatedTheAnswerSaysSo() {
        start(2);
        rateTheSyntheticSongs();
        spotify.link(ANA.userId(), SpotifyFixture.PLAYLIST_SCOPES, "access-1");

        List<Reply> replies = chat.core().handle(ANA, new ChatCommand.Playlist());

        assertThat(replies).singleElement().asString().contains("You have rated every song in my catalogue");
        assertThat(spotify.api.requests).isEmpty();
    }

    @Test
    void notLinkedIsToldToLinkBeforeAnySongIsPicked() {
        start(5);
        addSpotifyTracks(5);

        List<Reply> replies = chat.core().handle(ANA, new ChatCommand.Playlist());

        assertThat(replies).singleElement().isEqualTo(new Reply.Text("Link your Spotify account first with /link; then "
                + "/playlist puts the songs to rate into a private playlist of yours."));
        assertThat(spotify.api.requests).isEmpty();
    }
}
