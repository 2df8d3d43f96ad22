package dev.tastebot.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tastebot.store.Database;
import dev.tastebot.store.Rating;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hostile user's library export against a real SQLite file shared with other users. */
class LibraryImporterTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String MALLORY = "discord:666";
    private static final String ANA = "discord:100";
    private static final Track SO_WHAT = new Track("4vLYewWIvqHfKtJDk8c8tq", "So What",
            List.of("Miles Davis", "John Coltrane"), Optional.of("Kind of Blue"), OptionalInt.of(1959),
            Optional.of(false), OptionalInt.of(71), OptionalLong.of(562_200), Optional.of("jazz"));
    private static final int MAX_SONGS = 50_000;

    @TempDir
    Path folder;
    private Database database;
    private TrackStore tracks;
    private RatingStore ratings;
    private final List<List<String>> featuresWanted = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        database = Database.open(folder.resolve("tastebot.db"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        tracks = new TrackStore(database, clock);
        ratings = new RatingStore(database);
        // a catalogue song that Ana likes
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));
        ratings.rate(ANA, SO_WHAT.id(), true, "chat", NOW);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private ImportOutcome importAs(String userId, byte[] export, int maxSongs) {
        return new LibraryImporter(new LibraryExport(), tracks, ratings, Clock.fixed(NOW, ZoneOffset.UTC),
                featuresWanted::add, maxSongs).importLikes(userId, "YourLibrary.json", export);
    }

    /** A YourLibrary.json as Spotify writes it, with these (id, title, artist, album) entries. */
    private byte[] export(List<String[]> entries) throws Exception {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("tracks");
        for (String[] entry : entries) {
            list.addObject().put("artist", entry[2]).put("album", entry[3]).put("track", entry[1])
                    .put("uri", "spotify:track:" + entry[0]);
        }
        root.putArray("albums");
        root.putArray("shows");
        return json.writeValueAsBytes(root);
    }

    @Test
    void anExportNamingACatalogueSongWithAnotherTitleLeavesTheSongAloneForEverybodyAndStillLikesIt() throws Exception {
        // GIVEN Mallory's crafted export: the catalogue song's id with another title, artist and album
        byte[] crafted = export(List.<String[]>of(
                new String[] {SO_WHAT.id(), "[Free Nitro](https://evil.example)", "Discord Staff", "Click me"}));

        // WHEN Mallory imports it
        ImportOutcome outcome = importAs(MALLORY, crafted, MAX_SONGS);

        // THEN the song is exactly what the catalogue said, for Ana as for everyone
        assertThat(tracks.find(SO_WHAT.id())).contains(SO_WHAT);
        assertThat(tracks.metadataSource(SO_WHAT.id())).contains("catalog");
        // AND Mallory still has the like, and Ana's rating is untouched
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) outcome).newLikes()).isEqualTo(1);
        assertThat(ratings.current(MALLORY, SO_WHAT.id())).map(Rating::source).contains(LibraryImporter.SOURCE);
        assertThat(ratings.current(ANA, SO_WHAT.id())).map(Rating::source).contains("chat");
    }

    @Test
    void aTenThousandCharacterTitleIsStoredCapped() throws Exception {
        // GIVEN an export whose one song, new to tastebot, has a 10,000-character title
        String id = "0DiWol3AO6WpXZgp0goxAV";
        byte[] export = export(List.<String[]>of(new String[] {id, "Long".repeat(2_500), "Artist", "Album"}));

        // WHEN it is imported
        importAs(MALLORY, export, MAX_SONGS);

        // THEN the song is added with its title cut to the cap, and liked
        assertThat(tracks.find(id)).get().satisfies(track -> {
            assertThat(track.title()).hasSize(Track.MAX_TITLE).startsWith("LongLong").endsWith("…");
            assertThat(track.artists()).containsExactly("Artist");
        });
        assertThat(tracks.metadataSource(id)).contains("library-export");
        assertThat(ratings.current(MALLORY, id)).isPresent();
    }

    @Test
    void aTitleWithMarkdownAMaskedLinkAndLineBreaksIsStoredOnOneLineAsWritten() throws Exception {
        // GIVEN a new song whose title tries markdown, a masked link, a mention, a line break, NUL and a terminal escape
        String id = "1DiWol3AO6WpXZgp0goxAV";
        String title = "**[click](https://evil.example)**\n@everyone\u0000\u001B[2J";
        byte[] export = export(List.<String[]>of(new String[] {id, title, "Artist\r\nTwo", "Album"}));

        // WHEN it is imported
        importAs(MALLORY, export, MAX_SONGS);

        // THEN it is stored on one line without controls; escaping the markup is each platform's rendering
        assertThat(tracks.find(id)).get().satisfies(track -> {
            assertThat(track.title()).isEqualTo("**[click](https://evil.example)** @everyone");
            assertThat(track.artists()).containsExactly("Artist Two");
        });
    }

    @Test
    void aHundredThousandSongFileAddsOnlyImportMaxSongsAndTheAnswerSaysHowManyWereLeftOut() throws Exception {
        // GIVEN an export of 100,000 distinct songs
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            entries.add(new String[] {String.format("%022d", i), "Song " + i, "Artist " + i % 100, "Album"});
        }
        byte[] export = export(entries);

        // WHEN it is imported with the default import.max-songs
        ImportOutcome outcome = importAs(MALLORY, export, MAX_SONGS);

        // THEN the first 50,000 songs were added and liked, the rest not
        assertThat(tracks.count()).isEqualTo(1 + MAX_SONGS);
        assertThat(ratings.all(MALLORY)).hasSize(MAX_SONGS);
        assertThat(tracks.find(String.format("%022d", MAX_SONGS - 1))).isPresent();
        assertThat(tracks.find(String.format("%022d", MAX_SONGS))).isEmpty();
        assertThat(featuresWanted).singleElement().satisfies(ids -> assertThat(ids).hasSize(MAX_SONGS));
        // AND the answer says how many were imported and how many left out, and why
        assertThat(outcome.message().plain()).startsWith("Imported 50000 saved songs as likes from your library export; "
                + "50000 more songs were left out, as one import takes at most 50000 songs.");
    }

    @Test
    void repeatsOfASongInTheFileDoNotCountAgainstTheLimit() throws Exception {
        // GIVEN an export listing the same two songs many times, then a third
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(new String[] {"0000000000000000000001", "One", "A", "B"});
            entries.add(new String[] {"0000000000000000000002", "Two", "A", "B"});
        }
        entries.add(new String[] {"0000000000000000000003", "Three", "A", "B"});

        // WHEN it is imported with a limit of two songs
        ImportOutcome.Imported outcome = (ImportOutcome.Imported) importAs(MALLORY, export(entries), 2);

        // THEN two songs were taken and one left out
        assertThat(outcome.newLikes()).isEqualTo(2);
        assertThat(outcome.leftOut()).isEqualTo(1);
        assertThat(outcome.message().plain()).contains("; 1 more song was left out, as one import takes at most 2 songs.");
    }

    @Test
    void anImportWithinTheLimitSaysNothingOfOne() throws Exception {
        byte[] export = export(List.<String[]>of(new String[] {"0DiWol3AO6WpXZgp0goxAV", "One More Time", "Daft Punk", "Discovery"}));

        assertThat(importAs(MALLORY, export, MAX_SONGS).message().plain())
                .isEqualTo("Imported 1 saved song as likes from your library export. Dislikes teach me the most: /rate a few songs too.");
    }
}
