package dev.tastebot.catalog;

import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.RateLimiter;
import dev.tastebot.spotify.api.FakeSpotifyApi;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.store.Database;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
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
import java.util.Map;
import java.util.Optional;

import static dev.tastebot.spotify.api.FakeSpotifyApi.Answer;
import static org.assertj.core.api.Assertions.assertThat;

class SpotifyRemoteLookupTest {
    private static final String ID = "0DiWol3AO6WpXZgp0goxAV";

    @TempDir
    Path folder;
    private Database database;
    private FakeSpotifyApi spotify;
    private final List<List<String>> featuresWanted = new ArrayList<>();
    private Optional<String> appToken = Optional.of("app-token");

    @BeforeEach
    void setUp() throws IOException {
        database = Database.open(folder.resolve("tastebot.db"));
        spotify = new FakeSpotifyApi();
    }

    @AfterEach
    void tearDown() {
        spotify.close();
        database.close();
    }

    private TrackFinder finder() {
        SpotifyRemoteLookup remote = new SpotifyRemoteLookup(new SpotifyWeb(spotify.baseUrl(), wait -> { }, Duration.ofSeconds(5)),
                () -> appToken, new TrackStore(database, Clock.systemUTC()), featuresWanted::add);
        return new TrackFinder(new CatalogSearch(database), Optional.of(remote),
                new RateLimiter(new Limit(100, Duration.ofMinutes(1)), Clock.systemUTC()));
    }

    @Test
    void aLinkToATrackTheCatalogueLacksIsFoundOnSpotifyAndStored() {
        spotify.answer(Answer.json(FakeSpotifyApi.trackJson(ID, "One More Time", "Daft Punk", "2001-03-12")));

        TrackResolution resolution = finder().resolve("discord:1", "https://open.spotify.com/intl-de/track/" + ID + "?si=abc");

        assertThat(resolution).isEqualTo(new TrackResolution.Found(new Match(ID, "One More Time", List.of("Daft Punk"))));
        assertThat(spotify.requests).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v1/tracks/" + ID);
            assertThat(r.authorization()).isEqualTo("Bearer app-token");
        });
        assertThat(new TrackStore(database, Clock.systemUTC()).find(ID)).map(Track::title).contains("One More Time");
        assertThat(featuresWanted).containsExactly(List.of(ID));
    }

    @Test
    void spotifysAnswerIsTrustedAndCorrectsWhatAUsersImportSaidAndIsRecordedAsTheSource() {
        // GIVEN a song first known from a user's library export, under that user's title
        TrackStore tracks = new TrackStore(database, Clock.systemUTC());
        tracks.addUnknown(UserSource.LIBRARY_EXPORT, List.of(Track.of(ID, "one more time (my rip)", List.of("daft"))));
        spotify.answer(Answer.json(FakeSpotifyApi.trackJson(ID, "One More Time", "Daft Punk", "2001-03-12")));
        SpotifyRemoteLookup remote = new SpotifyRemoteLookup(new SpotifyWeb(spotify.baseUrl(), wait -> { }, Duration.ofSeconds(5)),
                () -> appToken, tracks, featuresWanted::add);

        // WHEN Spotify is asked about it
        remote.byId(ID);

        // THEN Spotify's description replaces the user's, and the track says it came from Spotify
        assertThat(tracks.find(ID)).get().satisfies(track -> {
            assertThat(track.title()).isEqualTo("One More Time");
            assertThat(track.artists()).containsExactly("Daft Punk");
            assertThat(track.album()).contains("Album of One More Time");
            assertThat(track.releaseYear()).hasValue(2001);
        });
        assertThat(tracks.metadataSource(ID)).contains("spotify");
    }

    @Test
    void anIdSpotifyDoesNotKnowIsUnknownAnywhere() {
        spotify.answer(new Answer(404, "{\"error\": {\"status\": 404, \"message\": \"Non existing id\"}}", Map.of()));

        assertThat(finder().resolve("discord:1", "spotify:track:" + ID)).isInstanceOf(TrackResolution.NotFound.class);
        assertThat(featuresWanted).isEmpty();
    }

    @Test
    void withoutAnAppTokenSpotifyIsNotAsked() {
        appToken = Optional.empty();

        assertThat(finder().resolve("discord:1", ID)).isInstanceOf(TrackResolution.NotFound.class);
        assertThat(spotify.requests).isEmpty();
    }

    @Test
    void aFailingSpotifyMeansNotFoundNotAnError() {
        spotify.answer(new Answer(500, "{\"error\": {\"status\": 500, \"message\": \"oops\"}}", Map.of()));

        assertThat(finder().resolve("discord:1", ID)).isInstanceOf(TrackResolution.NotFound.class);
    }

    @Test
    void wordsTheCatalogueDoesNotKnowAreSearchedOnSpotify() {
        spotify.answer(Answer.json("""
                {"tracks": {"href": "x", "items": [%s, %s], "limit": 10, "next": null, "offset": 0, "previous": null, "total": 2}}"""
                .formatted(FakeSpotifyApi.trackJson(ID, "One More Time", "Daft Punk", "2001"),
                        FakeSpotifyApi.trackJson("1DiWol3AO6WpXZgp0goxAV", "One More Time (Live)", "Daft Punk", "2007"))));

        TrackResolution resolution = finder().resolve("discord:1", "daft punk one more time");

        assertThat(resolution).isInstanceOfAny(TrackResolution.Found.class, TrackResolution.Choices.class);
        assertThat(spotify.requests.getFirst().path()).isEqualTo("/v1/search");
        assertThat(new TrackStore(database, Clock.systemUTC()).count()).isEqualTo(2);
    }
}
