package dev.tastebot.catalog;

import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.RateLimiter;
import dev.tastebot.features.sources.FakeApi;
import dev.tastebot.features.sources.FakeReccoBeats;
import dev.tastebot.features.sources.FakeReccoBeats.Song;
import dev.tastebot.features.sources.ReccoBeatsApi;
import dev.tastebot.spotify.api.FakeSpotifyApi;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.store.Database;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import dev.tastebot.store.UserSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static dev.tastebot.spotify.api.FakeSpotifyApi.Answer;
import static org.assertj.core.api.Assertions.assertThat;

/** Songs the catalogue lacks, found on a local ReccoBeats before Spotify is asked, by link or by "artist - title". */
class ReccoBeatsRemoteLookupTest {
    private static final String USER = "discord:1";
    private static final String ONE_MORE_TIME = "0DiWol3AO6WpXZgp0goxAV";
    private static final String DIGITAL_LOVE = "2VEZx7NWsZ1D0eJ4uv5Fym";
    private static final String AROUND = "1pKYYY0dkg23sQQXi0Q5zN";
    private static final String ONLY_ON_SPOTIFY = "4cOdK2wGLETKBW3PvgPWqT";

    @TempDir
    Path folder;
    private Database database;
    private TrackStore tracks;
    private FakeReccoBeats reccoBeats;
    private final List<List<String>> featuresWanted = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        database = Database.open(folder.resolve("tastebot.db"));
        tracks = new TrackStore(database, Clock.systemUTC());
        reccoBeats = new FakeReccoBeats(
                new Song(ONE_MORE_TIME, "One More Time", List.of("Daft Punk"), 80),
                new Song(DIGITAL_LOVE, "Digital Love", List.of("Daft Punk"), 70),
                new Song(AROUND, "Around the World", List.of("Daft Punk"), 75));
    }

    @AfterEach
    void tearDown() {
        reccoBeats.close();
        database.close();
    }

    private ReccoBeatsRemoteLookup lookup() {
        return new ReccoBeatsRemoteLookup(new ReccoBeatsApi(reccoBeats.baseUrl()), tracks, featuresWanted::add);
    }

    private TrackFinder finder(RemoteTrackLookup remote, RateLimiter limiter) {
        return new TrackFinder(new CatalogSearch(database), Optional.of(remote), limiter);
    }

    private static RateLimiter plenty() {
        return new RateLimiter(new Limit(100, Duration.ofMinutes(1)), Clock.systemUTC());
    }

    @Test
    void aLinkToATrackTheCatalogueLacksIsFoundOnReccoBeatsAndStoredAsItsAnswer() {
        // GIVEN a bot with no catalogue and no Spotify app, only ReccoBeats
        TrackFinder finder = finder(lookup(), plenty());

        // WHEN a user sends the Spotify link of a song
        TrackResolution resolution = finder.resolve(USER, "https://open.spotify.com/intl-de/track/" + ONE_MORE_TIME + "?si=abc");

        // THEN it is found, stored with ReccoBeats' title, artists, duration and popularity as a trusted source
        assertThat(resolution).isEqualTo(new TrackResolution.Found(new Match(ONE_MORE_TIME, "One More Time", List.of("Daft Punk"))));
        Track stored = tracks.find(ONE_MORE_TIME).orElseThrow();
        assertThat(stored.durationMs()).isEqualTo(OptionalLong.of(215_000));
        assertThat(stored.popularity()).isEqualTo(OptionalInt.of(80));
        assertThat(tracks.metadataSource(ONE_MORE_TIME)).contains(TrustedSource.RECCOBEATS.storedName());
        // AND its features are wanted, and ReccoBeats was asked once, for that id alone
        assertThat(featuresWanted).containsExactly(List.of(ONE_MORE_TIME));
        assertThat(reccoBeats.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1/track");
            assertThat(request.ids()).containsExactly(ONE_MORE_TIME);
        });
    }

    @Test
    void reccoBeatsCorrectsWhatAUsersImportSaid() {
        tracks.addUnknown(UserSource.LIBRARY_EXPORT, List.of(Track.of(ONE_MORE_TIME, "omt (my rip)", List.of("daft"))));

        assertThat(lookup().byId(ONE_MORE_TIME)).map(Match::title).contains("One More Time");
        assertThat(tracks.find(ONE_MORE_TIME)).map(Track::artists).contains(List.of("Daft Punk"));
    }

    @Test
    void artistDashTitleIsFoundThroughTheArtistSearchAndTheArtistsTracks() {
        TrackFinder finder = finder(lookup(), plenty());

        // WHEN a user types artist - title, in their own case
        TrackResolution resolution = finder.resolve(USER, "daft punk - digital love");

        // THEN the one song is found through the artist's tracks, and stored
        assertThat(resolution).isEqualTo(new TrackResolution.Found(new Match(DIGITAL_LOVE, "Digital Love", List.of("Daft Punk"))));
        assertThat(reccoBeats.requests()).extracting(FakeApi.Request::path)
                .containsExactly("/v1/artist/search", "/v1/artist/" + FakeReccoBeats.artistId("Daft Punk") + "/track");
        assertThat(tracks.find(DIGITAL_LOVE)).isPresent();
    }

    @Test
    void titleDashArtistIsFoundToo() {
        assertThat(finder(lookup(), plenty()).resolve(USER, "Around the World - Daft Punk"))
                .isEqualTo(new TrackResolution.Found(new Match(AROUND, "Around the World", List.of("Daft Punk"))));
    }

    @Test
    void anArtistsNameAloneOffersTheirSongsMostPopularFirst() {
        TrackResolution resolution = finder(lookup(), plenty()).resolve(USER, "daft punk");

        assertThat(resolution).isInstanceOf(TrackResolution.Choices.class);
        assertThat(((TrackResolution.Choices) resolution).matches()).extracting(Match::trackId)
                .containsExactly(ONE_MORE_TIME, AROUND, DIGITAL_LOVE);
    }

    @Test
    void whatReccoBeatsLacksIsAskedOfSpotifyAndOnlyThat() throws IOException {
        // GIVEN ReccoBeats first, then Spotify, which knows one more song
        try (FakeSpotifyApi spotify = new FakeSpotifyApi()) {
            spotify.answer(Answer.json(FakeSpotifyApi.trackJson(ONLY_ON_SPOTIFY, "Memories", "Maroon 5", "2019-09-20")));
            SpotifyRemoteLookup spotifyLookup = new SpotifyRemoteLookup(new SpotifyWeb(spotify.baseUrl(), wait -> { },
                    Duration.ofSeconds(5)), () -> Optional.of("app-token"), tracks, featuresWanted::add);
            RemoteTrackLookup chain = ChainedRemoteLookup.of(List.of(lookup(), spotifyLookup)).orElseThrow();
            TrackFinder finder = finder(chain, plenty());

            // WHEN a song ReccoBeats knows, and one it does not, are asked for
            TrackResolution known = finder.resolve(USER, "spotify:track:" + ONE_MORE_TIME);
            TrackResolution spotifyOnly = finder.resolve(USER, ONLY_ON_SPOTIFY);

            // THEN ReccoBeats answers the first and Spotify is asked only about the second
            assertThat(known).isInstanceOf(TrackResolution.Found.class);
            assertThat(spotifyOnly).isEqualTo(new TrackResolution.Found(new Match(ONLY_ON_SPOTIFY, "Memories", List.of("Maroon 5"))));
            assertThat(spotify.requests).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/v1/tracks/" + ONLY_ON_SPOTIFY));
            assertThat(chain.name()).isEqualTo("ReccoBeats or Spotify");
        }
    }

    @Test
    void aSongNobodyKnowsSaysWhereItWasLookedFor() {
        assertThat(finder(lookup(), plenty()).resolve(USER, "7qiZfU4dY1lWllzX7mPBI3"))
                .isEqualTo(new TrackResolution.NotFound("I couldn't find that track, neither here nor on ReccoBeats."));
    }

    @Test
    void aReccoBeatsLookupCountsAgainstTheUsersLimitOnLookups() {
        // GIVEN a user allowed one lookup a minute
        TrackFinder finder = finder(lookup(), new RateLimiter(new Limit(1, Duration.ofMinutes(1)), Clock.systemUTC()));
        finder.resolve(USER, ONE_MORE_TIME);

        // WHEN they ask about another song the catalogue lacks
        TrackResolution second = finder.resolve(USER, DIGITAL_LOVE);

        // THEN ReccoBeats is not asked, and they are told when it can be
        assertThat(second).isInstanceOf(TrackResolution.Later.class);
        assertThat(((TrackResolution.Later) second).message().plain()).contains("look songs up on ReccoBeats again in");
        assertThat(reccoBeats.requests()).hasSize(1);
        // AND the song already found is now in the catalogue, free to ask about
        assertThat(finder.resolve(USER, ONE_MORE_TIME)).isInstanceOf(TrackResolution.Found.class);
    }

    @Test
    void whenReccoBeatsAsksToWaitAnHourTheSongIsNotFoundAndNothingIsStored() {
        // GIVEN ReccoBeats answers with a 429 asking to wait an hour, far longer than anyone waits for an answer
        reccoBeats.script(FakeApi.Reply.status(429).withHeader("Retry-After", "3600"));

        ReccoBeatsRemoteLookup lookup = lookup();
        Optional<Match> found = lookup.byId(ONE_MORE_TIME);

        assertThat(found).isEmpty();
        assertThat(tracks.find(ONE_MORE_TIME)).isEmpty();
        assertThat(featuresWanted).isEmpty();
        // AND the failure was not remembered as "unknown": the next ask finds it
        assertThat(lookup.byId(ONE_MORE_TIME)).isPresent();
    }
}
