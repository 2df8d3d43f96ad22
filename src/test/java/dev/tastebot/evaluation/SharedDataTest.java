package dev.tastebot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads the development data kept beside the project (never inside it); skipped where that folder is
 * absent, as in a fresh clone.
 */
class SharedDataTest {
    private static final Path SHARED_DATA = Path.of(System.getProperty("user.dir"), "..", "shared", "data");

    @Test
    void readsTheVergnouLikesAndDislikes() {
        // GIVEN
        Path file = SHARED_DATA.resolve("vergnou_spotify_recommendation.csv").normalize();
        assumeTrue(Files.isRegularFile(file), "no shared development data beside the project");

        // WHEN
        LabelledDataset dataset = new LabelledCsvReader().read(file, "liked");

        // THEN
        assertThat(dataset.size()).isEqualTo(195);
        assertThat(dataset.likes()).isEqualTo(100);
        assertThat(dataset.featuresPresent()).hasSize(13);
        assertThat(dataset.hasArtists()).isFalse();
        dataset.validateFolds(5);
    }
}
