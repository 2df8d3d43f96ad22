package dev.tastebot.library;

import dev.tastebot.spotify.api.FakeSpotifyApi;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.spotify.api.UserTokens;
import dev.tastebot.store.Database;
import dev.tastebot.store.LibrarySyncStore;
import dev.tastebot.store.Rating;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import dev.tastebot.store.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static dev.tastebot.spotify.api.FakeSpotifyApi.Answer;
import static org.assertj.core.api.Assertions.assertThat;

class LibrarySyncTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String ANA = "discord:100";

    @TempDir
    Path folder;
    private Database database;
    private FakeSpotifyApi spotify;
    /** The user's saved songs, newest first: (id, saved at). */
    private final List<Map.Entry<String, Instant>> library = new ArrayList<>();
    private Optional<String> token = Optional.of("access-1");
    /** The token the fake Spotify accepts. */
    private String accepted = "access-1";
    private int refreshes;
    private LibrarySync sync;
    private UserTokens tokens;
    private Clock clock;
    /** Titles the fake Spotify gives saved songs instead of "Song i", by id. */
    private final Map<String, String> titles = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        database = Database.open(folder.resolve("tastebot.db"));
        spotify = new FakeSpotifyApi().respond(this::page);
        tokens = new UserTokens() {
            public Optional<String> current(String userId) {
                return token;
            }

            public Optional<String> refreshed(String userId) {
                refreshes++;
                token = Optional.of("access-2");
                return token;
            }
        };
        clock = Clock.fixed(NOW, ZoneOffset.UTC);
        new UserStore(database).ensure(ANA, NOW); // by her /link
        sync = sync(50_000);
    }

    private LibrarySync sync(int maxSongs) {
        return new LibrarySync(new SpotifyWeb(spotify.baseUrl(), wait -> { }, Duration.ofSeconds(60)), tokens,
                new LibrarySyncStore(database), new TrackStore(database, clock), new RatingStore(database), clock, maxSongs);
    }

    @AfterEach
    void tearDown() {
        spotify.close();
        database.close();
    }

    private void save(int count) {
        Instant start = library.isEmpty() ? Instant.parse("2020-01-01T00:00:00Z") : library.getFirst().getValue();
        for (int i = 1; i <= count; i++) {
            library.addFirst(Map.entry(String.format("%022d", library.size()), start.plus(Duration.ofHours(i))));
        }
    }

    private Answer page(FakeSpotifyApi.Request request) {
        if (!("Bearer " + accepted).equals(request.authorization())) {
            return new Answer(401, "{\"error\": {\"status\": 401, \"message\": \"The access token expired\"}}", Map.of());
        }
        int offset = Integer.parseInt(request.query().replaceAll(".*offset=(\\d+).*", "$1"));
        List<String> items = new ArrayList<>();
        for (int i = offset; i < Math.min(library.size(), offset + 50); i++) {
            var saved = library.get(i);
            items.add("{\"added_at\": \"" + saved.getValue() + "\", \"track\": "
                    + FakeSpotifyApi.trackJson(saved.getKey(), titles.getOrDefault(saved.getKey(), "Song " + i),
                    "Artist " + (i % 7), "2019-05-01") + "}");
        }
        boolean more = offset + 50 < library.size();
        return Answer.json("""
                {"href": "h", "items": [%s], "limit": 50, "next": %s, "offset": %d, "previous": null, "total": %d}"""
                .formatted(String.join(",", items), more ? "\"n\"" : "null", offset, library.size()));
    }

    @Test
    void twoThousandSavedSongsCostFortyPagesAndAnUnchangedLibraryOneRequest() {
        save(2000);

        SyncOutcome first = sync.sync(ANA, (read, total) -> { });

        assertThat(first).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(((SyncOutcome.Synced) first).newLikes()).isEqualTo(2000);
        assertThat(spotify.requests).hasSize(40);
        assertThat(new RatingStore(database).all(ANA)).hasSize(2000).allMatch(r -> r.source().equals(LibrarySync.SOURCE));

        spotify.requests.clear();
        SyncOutcome second = sync.sync(ANA, (read, total) -> { });

        assertThat(spotify.requests).hasSize(1);
        assertThat(second.message()).isEqualTo("Your Spotify library has no new saved songs since the last sync.");
    }

    @Test
    void aSyncThatEndsAfterTheUserWasForgottenWritesNothingAboutThem() {
        // GIVEN Ana's library, and Ana forgotten while her sync read it
        save(60);
        new UserStore(database).delete(ANA);

        // WHEN the sync finishes
        SyncOutcome outcome = sync.sync(ANA, (read, total) -> { });

        // THEN no like, no sync mark and no user row came back for her
        assertThat(outcome).isInstanceOfSatisfying(SyncOutcome.Synced.class, synced -> assertThat(synced.newLikes()).isZero());
        assertThat(new UserStore(database).exists(ANA)).isFalse();
        assertThat(new RatingStore(database).all(ANA)).isEmpty();
        assertThat(new LibrarySyncStore(database).newestSeen(ANA)).isEmpty();
    }

    @Test
    void aResyncReadsOnlyTheSongsSavedSinceAndKeepsTheUsersOwnRatings() {
        save(120);
        sync.sync(ANA, (read, total) -> { });
        save(3);
        String newest = library.getFirst().getKey();
        new RatingStore(database).rate(ANA, library.get(50).getKey(), false, "chat", NOW);
        spotify.requests.clear();

        SyncOutcome outcome = sync.sync(ANA, (read, total) -> { });

        assertThat(spotify.requests).hasSize(1);
        SyncOutcome.Synced synced = (SyncOutcome.Synced) outcome;
        assertThat(synced.newSaved()).isEqualTo(3);
        assertThat(synced.newTrackIds()).contains(newest);
        assertThat(new RatingStore(database).current(ANA, library.get(50).getKey())).map(Rating::liked).contains(false);
        assertThat(new TrackStore(database, Clock.systemUTC()).find(newest)).map(Track::title).contains("Song 0");
    }

    @Test
    void progressIsReportedPageByPage() {
        save(120);
        List<String> seen = new ArrayList<>();

        sync.sync(ANA, (read, total) -> seen.add(read + "/" + total));

        assertThat(seen).containsExactly("50/120", "100/120", "120/120");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheSyncGoesOn() {
        save(10);
        accepted = "access-2";

        SyncOutcome outcome = sync.sync(ANA, (read, total) -> { });

        assertThat(outcome).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(refreshes).isEqualTo(1);
        assertThat(spotify.requests).extracting(FakeSpotifyApi.Request::authorization)
                .containsExactly("Bearer access-1", "Bearer access-2");
    }

    @Test
    void aTokenRefusedEvenAfterARefreshMeansLinkAgain() {
        save(10);
        accepted = "revoked";

        assertThat(sync.sync(ANA, (read, total) -> { })).isInstanceOf(SyncOutcome.NotLinked.class);
        assertThat(refreshes).isEqualTo(1);
        assertThat(new RatingStore(database).all(ANA)).isEmpty();
    }

    @Test
    void withoutALinkNothingIsAskedOfSpotify() {
        token = Optional.empty();

        assertThat(sync.sync(ANA, (read, total) -> { })).isInstanceOf(SyncOutcome.NotLinked.class);
        assertThat(spotify.requests).isEmpty();
    }

    @Test
    void aSavedSongTheCatalogueKnowsKeepsTheCataloguesTitleAndArtistsAndIsStillLiked() {
        // GIVEN a catalogue song, and a library whose Spotify answer gives that song another title and artist
        save(3);
        String known = library.get(1).getKey();
        Track catalogue = new Track(known, "So What", List.of("Miles Davis"), Optional.of("Kind of Blue"),
                OptionalInt.of(1959), Optional.of(false), OptionalInt.of(71),
                OptionalLong.of(562_200), Optional.of("jazz"));
        TrackStore tracks = new TrackStore(database, clock);
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(catalogue));
        titles.put(known, "[Free Nitro](https://evil.example)");

        // WHEN Ana's library is synced
        SyncOutcome.Synced outcome = (SyncOutcome.Synced) sync.sync(ANA, (read, total) -> { });

        // THEN the catalogue song is unchanged for everybody, and Ana likes it
        assertThat(tracks.find(known)).contains(catalogue);
        assertThat(tracks.metadataSource(known)).contains("catalog");
        assertThat(outcome.newLikes()).isEqualTo(3);
        assertThat(new RatingStore(database).current(ANA, known)).map(Rating::source).contains(LibrarySync.SOURCE);
        // AND the songs nobody knew are added as the sync described them, and say so
        String newcomer = library.get(0).getKey();
        assertThat(tracks.find(newcomer)).map(Track::title).contains("Song 0");
        assertThat(tracks.metadataSource(newcomer)).contains("spotify-library");
    }

    @Test
    void aSyncTakesAtMostMaxSongsTheNewestAndStopsReadingThere() {
        // GIVEN a library of 300 saved songs and a limit of 120
        save(300);

        // WHEN it is synced
        SyncOutcome outcome = sync(120).sync(ANA, (read, total) -> { });

        // THEN the 120 newest are liked, read in three pages, the rest never asked for
        SyncOutcome.Synced synced = (SyncOutcome.Synced) outcome;
        assertThat(synced.newLikes()).isEqualTo(120);
        assertThat(synced.newTrackIds()).containsExactlyElementsOf(library.subList(0, 120).stream().map(Map.Entry::getKey).toList());
        assertThat(spotify.requests).hasSize(3);
        assertThat(new RatingStore(database).all(ANA)).hasSize(120);
        // AND the answer says how many were left out
        assertThat(synced.leftOut()).isEqualTo(180);
        assertThat(outcome.message()).isEqualTo("Synced 120 new saved songs from Spotify; 120 are new likes."
                + " Up to 180 older saved songs were left out, as one sync takes at most 120 songs.");
    }

    @Test
    void aLimitReachedAtTheEndOfAPageAsksForNoFurtherPage() {
        // GIVEN a library of 300 saved songs and a limit of exactly two pages
        save(300);

        // WHEN it is synced
        SyncOutcome.Synced synced = (SyncOutcome.Synced) sync(100).sync(ANA, (read, total) -> { });

        // THEN two pages were read, and 200 songs left out
        assertThat(spotify.requests).hasSize(2);
        assertThat(synced.newLikes()).isEqualTo(100);
        assertThat(synced.leftOut()).isEqualTo(200);
    }
}
