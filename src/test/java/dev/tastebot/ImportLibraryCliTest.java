package dev.tastebot;

import dev.tastebot.store.Database;
import dev.tastebot.store.RatingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportLibraryCliTest {
    @TempDir
    Path workingDirectory;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Main main = new Main(workingDirectory, 2, Main::commandHandlers);
        return main.run(List.of(args), Map.of("TASTEBOT_DB_PATH", database().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path database() {
        return workingDirectory.resolve("data/tastebot.db");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsTheSavedSongsOfOneUserAsLikes() throws IOException {
        Path export = Files.writeString(workingDirectory.resolve("YourLibrary.json"), """
                {"tracks": [{"artist": "Daft Punk", "album": "Discovery", "track": "One More Time", "uri": "spotify:track:0DiWol3AO6WpXZgp0goxAV"},
                            {"artist": "Air", "album": "Moon Safari", "track": "La femme d'argent", "uri": "spotify:track:1DiWol3AO6WpXZgp0goxAV"}]}""");

        int exitCode = run("import-library", "--user", "discord:123456789", export.toString());

        assertThat(exitCode).as(err()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Imported 2 saved songs as likes from your library export")
                .contains("(user discord:123456789)");
        try (Database db = Database.open(database())) {
            assertThat(new RatingStore(db).all("discord:123456789")).hasSize(2).allMatch(r -> r.source().equals("library-export"));
        }
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path wrong = Files.writeString(workingDirectory.resolve("Playlist1.json"), "{\"playlists\": []}");

        assertThat(run("import-library", "--user", "discord:1", workingDirectory.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err()).startsWith("tastebot import-library: no such file: ");
        err.reset();
        assertThat(run("import-library", "--user", "discord:1", wrong.toString())).isEqualTo(2);
        assertThat(err()).startsWith("tastebot import-library: Playlist1.json doesn't look like Spotify's YourLibrary.json");
        err.reset();
        assertThat(run("import-library", "--user", "not a user", wrong.toString())).isEqualTo(2);
        assertThat(err()).startsWith("tastebot import-library: --user takes a chat user id such as discord:123456789");
        err.reset();
        assertThat(run("import-library", wrong.toString())).isEqualTo(2);
        assertThat(err()).contains("--user");
        assertThat(err().lines().count()).isLessThanOrEqualTo(3);
    }
}
