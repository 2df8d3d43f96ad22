package dev.tastebot;

import dev.tastebot.cli.CommandHandler;
import dev.tastebot.features.sources.FakeApi;
import dev.tastebot.features.sources.FakeReccoBeats;
import dev.tastebot.features.sources.FakeReccoBeats.Song;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot with no Spotify app at all, as a new operator starts it, wired as {@code run} wires it and
 * pointed at a local ReccoBeats: a Spotify link outside every catalogue still gets an answer.
 */
class ReccoBeatsEndToEndTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private static final String ONE_MORE_TIME = "0DiWol3AO6WpXZgp0goxAV";

    @TempDir
    Path workingDirectory;
    private FakeReccoBeats reccoBeats;

    @BeforeEach
    void start() throws IOException {
        reccoBeats = new FakeReccoBeats(new Song(ONE_MORE_TIME, "One More Time", List.of("Daft Punk"), 80),
                new Song("2VEZx7NWsZ1D0eJ4uv5Fym", "Digital Love", List.of("Daft Punk"), 70));
    }

    @AfterEach
    void stop() {
        reccoBeats.close();
    }

    private String session(String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main main = new Main(workingDirectory, 2, config -> {
            Map<String, CommandHandler> handlers = new HashMap<>(Main.commandHandlers(config));
            handlers.put(TastebotCommands.RUN, new RunCommand(config, CLOCK,
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), workingDirectory));
            return handlers;
        });
        int exitCode = main.run(List.of("run"), Map.of(
                        "TASTEBOT_DB_PATH", workingDirectory.resolve("data/tastebot.db").toString(),
                        "TASTEBOT_RECCOBEATS_BASE_URL", reccoBeats.baseUrl().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void willILikeAnswersASpotifyLinkOnABotWithoutAnySpotifyCredentials() {
        // WHEN a newcomer asks about the Spotify link of a song no catalogue here has, then by artist - title
        String out = session(String.join("\n",
                "/will-i-like https://open.spotify.com/track/" + ONE_MORE_TIME + "?si=abc",
                "/will-i-like daft punk - digital love",
                "/quit") + "\n");

        // THEN both are answered about those songs, looked up on ReccoBeats
        assertThat(out).contains("One More Time").contains("Digital Love").doesNotContain("I don't know that track");
        assertThat(reccoBeats.requests()).extracting(FakeApi.Request::path)
                .contains("/v1/track", "/v1/artist/search");
        assertThat(reccoBeats.requests()).filteredOn(request -> request.path().equals("/v1/track"))
                .singleElement().satisfies(request -> assertThat(request.ids()).containsExactly(ONE_MORE_TIME));
    }
}
