package dev.tastebot;

import dev.tastebot.store.Database;
import dev.tastebot.store.RatingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportLibraryCliTest {
    @TempDir
    Path workingDirectory;
    private final CliRun cli = new CliRun(() -> workingDirectory);

    private int run(String... args) {
        return cli.run(Map.of("TASTEBOT_DB_PATH", database().toString()), args);
    }

    private Path database() {
        return workingDirectory.resolve("data/tastebot.db");
    }


    @Test
    void importsTheSavedSongsOfOneUserAsLikes() throws IOException {
        Path export = Files.writeString(workingDirectory.resolve("YourLibrary.json"), """
                {"tracks": [{"artist": "Daft Punk", "album": "Discovery", "track": "One More Time", "uri": "spotify:track:0DiWol3AO6WpXZgp0goxAV"},
                            {"artist": "Air", "album": "Moon Safari", "track": "La femme d'argent", "uri": "spotify:track:1DiWol3AO6WpXZgp0goxAV"}]}""");

        int exitCode = run("import-library", "--user", "discord:123456789", export.toString());

        assertThat(exitCode).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Imported 2 saved songs as likes from your library export")
                .contains("(user discord:123456789)");
        try (Database db = Database.open(database())) {
            assertThat(new RatingStore(db).all("discord:123456789")).hasSize(2).allMatch(r -> r.source().equals("library-export"));
        }
    }

    @Test
    void importMaxSongsLimitsTheImportAndTheOutputSaysHowManyWereLeftOut() throws IOException {
        // GIVEN a three-song export and import.max-songs=2 in the environment
        Path export = Files.writeString(workingDirectory.resolve("YourLibrary.json"), """
                {"tracks": [{"artist": "A", "album": "B", "track": "One", "uri": "spotify:track:0000000000000000000001"},
                            {"artist": "A", "album": "B", "track": "Two", "uri": "spotify:track:0000000000000000000002"},
                            {"artist": "A", "album": "B", "track": "Three", "uri": "spotify:track:0000000000000000000003"}]}""");

        // WHEN it is imported
        int exitCode = cli.run(Map.of("TASTEBOT_DB_PATH", database().toString(), "TASTEBOT_IMPORT_MAX_SONGS", "2"),
                "import-library", "--user", "discord:123456789", export.toString());

        // THEN the first two are liked, and the output says one was left out
        assertThat(exitCode).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Imported 2 saved songs as likes from your library export; "
                + "1 more song was left out, as one import takes at most 2 songs");
        try (Database db = Database.open(database())) {
            assertThat(new RatingStore(db).all("discord:123456789")).extracting(r -> r.trackId())
                    .containsExactlyInAnyOrder("0000000000000000000001", "0000000000000000000002");
        }
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path wrong = Files.writeString(workingDirectory.resolve("Playlist1.json"), "{\"playlists\": []}");

        assertThat(run("import-library", "--user", "discord:1", workingDirectory.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("tastebot import-library: no such file: ");
        cli.reset();
        assertThat(run("import-library", "--user", "discord:1", wrong.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("tastebot import-library: Playlist1.json doesn't look like Spotify's YourLibrary.json");
        cli.reset();
        assertThat(run("import-library", "--user", "not a user", wrong.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("tastebot import-library: --user takes a chat user id such as discord:123456789");
        cli.reset();
        assertThat(run("import-library", wrong.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--user");
        assertThat(cli.err().lines().count()).isLessThanOrEqualTo(3);
    }
}
