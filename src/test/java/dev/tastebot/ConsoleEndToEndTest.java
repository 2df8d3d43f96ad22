package dev.tastebot;

import dev.tastebot.cli.CommandHandler;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.sources.FakeApi;
import dev.tastebot.features.sources.FakeReccoBeats;
import dev.tastebot.features.sources.FakeReccoBeats.Song;
import dev.tastebot.measure.SyntheticListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole console session through Main, as a newcomer types it: real jar wiring, real SQLite file. */
class ConsoleEndToEndTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path workingDirectory;

    private record Run(int exitCode, String out, String err) {
    }

    /** A catalogue-only bot: nothing leaves this machine for songs. */
    private Run tastebot(String stdin, String... args) {
        return tastebot(Map.of("TASTEBOT_RECCOBEATS_SONGS", "false"), stdin, args);
    }

    private Run tastebot(Map<String, String> settings, String stdin, String... args) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("TASTEBOT_DB_PATH", workingDirectory.resolve("data/tastebot.db").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main main = new Main(workingDirectory, 2, config -> {
            Map<String, CommandHandler> handlers = new HashMap<>(Main.commandHandlers(config));
            handlers.put(TastebotCommands.RUN, new RunCommand(config, CLOCK,
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), workingDirectory));
            return handlers;
        });
        int exitCode = main.run(List.of(args), environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A small catalogue in TidyTuesday's shape, with Spotify-shaped ids. */
    private Path catalogue() throws IOException {
        StringBuilder csv = new StringBuilder("track_id,track_name,track_artist,playlist_genre,danceability,energy,valence,tempo\n");
        List<RatedTrack> tracks = SyntheticListener.balanced(3).ratings(60);
        for (int i = 0; i < tracks.size(); i++) {
            var t = tracks.get(i).track();
            csv.append(String.format("%022d", i)).append(",Song ").append(i).append(',').append(t.artists().getFirst())
                    .append(',').append(t.genres().stream().findFirst().orElse("pop"));
            for (NumericFeature f : List.of(NumericFeature.DANCEABILITY, NumericFeature.ENERGY, NumericFeature.VALENCE, NumericFeature.TEMPO)) {
                double v = t.features().get(f);
                csv.append(',').append(Double.isNaN(v) ? "" : String.valueOf(v));
            }
            csv.append('\n');
        }
        return Files.writeString(workingDirectory.resolve("catalogue.csv"), csv.toString());
    }

    @Test
    void aNewcomerImportsACatalogueRatesTenSongsAsksAndForgets() throws IOException {
        // GIVEN an imported catalogue
        Run imported = tastebot("", "import-catalog", catalogue().toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        // WHEN a console session rates ten songs, asks, checks stats, and forgets
        String script = String.join("\n",
                "/rate", "+", "-", "+", "-", "+", "-", "+", "-", "+", "-",
                "/will-i-like " + String.format("%022d", 59),
                "/will-i-like https://open.spotify.com/album/4m2880jivSbbyEGAKfITCa",
                "/will-i-like ",
                "/will-i-like spotify:track:4uLU6hMCjMI75M1A2tKUQC",
                "/will-i-like " + "x".repeat(400),
                "/link",
                "/playlist",
                "/dance",
                "/stats",
                "/forget-me",
                "/forget-me confirm",
                "/stats",
                "/quit") + "\n";
        Run session = tastebot(script, "run");

        // THEN every step answered, the ratings counted, and forgetting left nothing
        assertThat(session.exitCode()).as(session.err()).isZero();
        String out = session.out();
        assertThat(out).doesNotContain("demo catalogue");
        assertThat(out).contains("Rating session started");
        // ten songs of the session, and the /will-i-like answer's song as a card to rate
        assertThat(out.split("♪ ", -1)).hasSize(13);
        assertThat(out).contains("Song 59").containsPattern("\\d+% chance you'll like it").contains("still learning");
        assertThat(out).contains("album");
        assertThat(out).contains("Which track? A Spotify link, URI or track id, or a title to search. Use: /will-i-like <track>");
        assertThat(out).contains("I don't know that track yet");
        assertThat(out).contains("That is too long for a song name (400 characters)");
        assertThat(out).contains("This bot isn't set up for Spotify linking");
        assertThat(out).contains("so it can't keep a playlist for you");
        assertThat(out).contains("I don't know /dance");
        assertThat(out).contains("Your ratings: 5 👍 and 5 👎").contains("• chat: 5 👍 / 5 👎");
        assertThat(out).contains("your 10 ratings").contains("Done: deleted 10 ratings");
        assertThat(out).contains("You haven't rated anything yet");
        assertThat(out).endsWith("Bye! Your ratings are saved." + System.lineSeparator());
    }

    @Test
    void withoutAnyCatalogueTheDemoSetIsLoadedAndRatingsSurviveARestart() {
        Run first = tastebot("/rate\n+\n-\n", "run");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("loaded the demo catalogue, 300 made-up songs").contains("(demo)");
        // AND the log is a file beside the database, named at the start, not lines in the chat
        Path logFile = workingDirectory.resolve("data/tastebot.log");
        assertThat(first.out()).startsWith("tastebot's log: " + logFile + "\n");
        assertThat(logFile).exists();

        // WHEN the bot is started again
        Run second = tastebot("/stats\n", "run");

        // THEN the demo catalogue is not loaded twice and both ratings are still there
        assertThat(second.out()).doesNotContain("loaded the demo catalogue");
        assertThat(second.out()).contains("Your ratings: 1 👍 and 1 👎");
    }

    @Test
    void withoutAnySpotifyAppASpotifyLinkOutsideTheCatalogueIsAnsweredThroughReccoBeats() throws IOException {
        // GIVEN a bot with no Spotify app and no catalogue, and a ReccoBeats that knows two songs
        String oneMoreTime = "0DiWol3AO6WpXZgp0goxAV";
        try (FakeReccoBeats reccoBeats = new FakeReccoBeats(new Song(oneMoreTime, "One More Time", List.of("Daft Punk"), 80),
                new Song("2VEZx7NWsZ1D0eJ4uv5Fym", "Digital Love", List.of("Daft Punk"), 70))) {

            // WHEN a newcomer asks about the Spotify link of a song, then about another by artist - title
            Run session = tastebot(Map.of("TASTEBOT_RECCOBEATS_BASE_URL", reccoBeats.baseUrl().toString()), String.join("\n",
                    "/will-i-like https://open.spotify.com/track/" + oneMoreTime + "?si=abc",
                    "/will-i-like daft punk - digital love",
                    "/quit") + "\n", "run");

            // THEN both are answered about those songs, looked up on ReccoBeats
            assertThat(session.exitCode()).as(session.err()).isZero();
            assertThat(session.out()).contains("One More Time").contains("Digital Love").doesNotContain("I don't know that track");
            assertThat(reccoBeats.requests()).extracting(FakeApi.Request::path).contains("/v1/track", "/v1/artist/search");
            assertThat(reccoBeats.requests()).filteredOn(request -> request.path().equals("/v1/track"))
                    .singleElement().satisfies(request -> assertThat(request.ids()).containsExactly(oneMoreTime));
        }
    }
}
