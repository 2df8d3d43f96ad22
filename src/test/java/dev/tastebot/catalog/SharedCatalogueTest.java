package dev.tastebot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tastebot.evaluation.CsvRow;
import dev.tastebot.evaluation.CsvRows;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.TrackStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the TidyTuesday catalogue kept beside the project (never inside it); skipped where that
 * folder is absent, as in a fresh clone. Timings are not asserted: the machines are shared.
 */
class SharedCatalogueTest {
    private static final Path SHARED_DATA = Path.of(System.getProperty("user.dir"), "..", "shared", "data");

    @TempDir
    Path folder;

    @Test
    void importsOneTrackPerDistinctTrackIdOfTheTidyTuesdayCatalogue() {
        // GIVEN
        Path file = SHARED_DATA.resolve("tidytuesday_spotify_songs.csv").normalize();
        assumeTrue(Files.isRegularFile(file), "no shared development data beside the project");
        Set<String> distinctIds = distinctTrackIds(file);

        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            TrackStore tracks = new TrackStore(database, Clock.systemUTC());
            CatalogImporter importer = new CatalogImporter(database, tracks, new FeatureStore(database), Clock.systemUTC());

            // WHEN
            ImportReport report = importer.importFile(file, progress -> { });

            // THEN
            assertThat(report.badRowCount()).isZero();
            assertThat(report.tracksImported()).isEqualTo(distinctIds.size());
            assertThat(report.duplicatesMerged()).isEqualTo(report.rowsRead() - distinctIds.size());
            assertThat(tracks.count()).isEqualTo(distinctIds.size());
        }
    }

    private static Set<String> distinctTrackIds(Path file) {
        try (CsvRows rows = CsvRows.open(file)) {
            int idColumn = rows.next().map(CsvRow::cells).orElseThrow().indexOf("track_id");
            Set<String> ids = new HashSet<>();
            for (Optional<CsvRow> row = rows.next(); row.isPresent(); row = rows.next()) {
                List<String> cells = row.get().cells();
                ids.add(cells.get(idColumn));
            }
            return ids;
        }
    }
}
