package dev.tastebot.measure;

import dev.tastebot.cli.CommandLine;
import dev.tastebot.cli.CommandSpec;
import dev.tastebot.cli.Invocation;
import dev.tastebot.cli.OptionSpec;
import dev.tastebot.evaluation.LabelledCsvReader;
import dev.tastebot.evaluation.LabelledDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The proxy rating sets, from a small made-up catalogue and, where it is at hand, from the TidyTuesday one. */
class ProxyRatingsTest {
    private static final Path TIDYTUESDAY = Path.of(System.getProperty("user.dir"), "..", "shared", "data",
            "tidytuesday_spotify_songs.csv").normalize();
    private static final CommandLine COMMAND_LINE = new CommandLine("tastebot", List.of(CommandSpec.of("proxy-ratings", "test",
            OptionSpec.value(ProxyRatingsCommand.CATALOG, "FILE", "").required(),
            OptionSpec.value(ProxyRatingsCommand.SHAPE, "A|B|C", "").required(),
            OptionSpec.value(ProxyRatingsCommand.SEED, "N", "").wholeNumber(0, Integer.MAX_VALUE))), "proxy-ratings");

    @TempDir
    Path folder;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shapeAIsBalancedAndShapeBKeepsAsLikesAndAddsTwentyNineOfItsDislikes() throws IOException {
        // GIVEN a catalogue of 4,000 made-up songs in TidyTuesday's columns
        Path catalogue = catalogue(4_000);

        // WHEN
        LabelledDataset a = generated(catalogue, "A", 3);
        LabelledDataset b = generated(catalogue, "B", 3);

        // THEN
        assertThat(distinct(a, true)).isEqualTo(1_000);
        assertThat(distinct(a, false)).isEqualTo(1_000);
        assertThat(a.size()).isEqualTo(2_030); // 1.5% listed twice
        assertThat(a.hasArtists()).isTrue();
        assertThat(distinct(b, false)).isEqualTo(29);
        assertThat(songs(b, true)).isEqualTo(songs(a, true));
        assertThat(songs(a, false)).containsAll(songs(b, false));
    }

    @Test
    void theSameSeedGivesTheSameSetAndAnotherSeedAnotherListener() throws IOException {
        Path catalogue = catalogue(4_000);

        String first = csv(catalogue, "A", 1);
        String again = csv(catalogue, "A", 1);
        String other = csv(catalogue, "A", 2);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aCatalogueTooSmallForTheShapeOrWithoutItsColumnsIsOneLineAndExitCodeTwo() throws IOException {
        Path small = catalogue(1_000);
        assertThat(run(small, "C", 1)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tastebot proxy-ratings: the catalogue is too small");
        err.reset();

        Path noGenre = Files.writeString(folder.resolve("plain.csv"), "track_id,track_artist,energy\nx,A,0.5\n");
        assertThat(run(noGenre, "A", 1)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no column 'playlist_genre'");
        err.reset();

        assertThat(run(small, "D", 1)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("tastebot proxy-ratings: --shape must be A, B or C, got 'D'"
                + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theTidyTuesdayCatalogueGivesAllThreeShapes() throws IOException {
        assumeTrue(Files.isRegularFile(TIDYTUESDAY), "no shared development data beside the project");

        LabelledDataset c = generated(TIDYTUESDAY, "C", 1);

        assertThat(distinct(c, true)).isEqualTo(4_000);
        assertThat(distinct(c, false)).isEqualTo(6_000);
        assertThat(c.featuresPresent()).extracting(f -> f.apiName()).contains("popularity", "tempo");
        assertThat(generated(TIDYTUESDAY, "B", 1).dislikes()).isBetween(29, 31);
    }

    private LabelledDataset generated(Path catalogue, String shape, int seed) throws IOException {
        Path file = Files.writeString(folder.resolve("proxy-" + shape + seed + ".csv"), csv(catalogue, shape, seed));
        return new LabelledCsvReader().read(file, "liked");
    }

    private String csv(Path catalogue, String shape, int seed) {
        out.reset();
        assertThat(run(catalogue, shape, seed)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private int run(Path catalogue, String shape, int seed) {
        Invocation.Run run = (Invocation.Run) COMMAND_LINE.parse(List.of("proxy-ratings", "--catalog", catalogue.toString(),
                "--shape", shape, "--seed", Integer.toString(seed)));
        return new ProxyRatingsCommand().run(run.command(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static long distinct(LabelledDataset dataset, boolean liked) {
        return songs(dataset, liked).size();
    }

    private static java.util.Set<String> songs(LabelledDataset dataset, boolean liked) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.liked()[i] == liked) {
                ids.add(dataset.tracks().get(i).trackId());
            }
        }
        return ids;
    }

    /** Songs with TidyTuesday's columns: 6 genres, 24 subgenres, 8 songs an artist, random sound. */
    private Path catalogue(int songs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("track_id,track_name,track_artist,track_popularity,track_album_release_date,playlist_genre,playlist_subgenre,"
                + "danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms");
        SplittableRandom random = new SplittableRandom(9);
        String[] genres = {"pop", "rock", "rap", "edm", "latin", "r&b"};
        for (int i = 0; i < songs; i++) {
            int subgenre = random.nextInt(24);
            lines.add(String.format(Locale.ROOT, "id%06d,Song %d,\"Artist %d, Jr\",%d,%d-01-01,%s,sub%d,%.3f,%.3f,%d,%.2f,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.1f,%d",
                    i, i, i / 8, random.nextInt(101), 1960 + random.nextInt(60), genres[subgenre % 6], subgenre,
                    random.nextDouble(), random.nextDouble(), random.nextInt(12), -20 + 18 * random.nextDouble(),
                    random.nextInt(2), random.nextDouble() * 0.5, random.nextDouble(), random.nextDouble(),
                    random.nextDouble(), random.nextDouble(), 60 + 120 * random.nextDouble(), 120_000 + random.nextInt(200_000)));
        }
        Path file = folder.resolve("catalogue-" + songs + ".csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
