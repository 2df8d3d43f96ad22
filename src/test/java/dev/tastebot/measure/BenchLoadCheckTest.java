package dev.tastebot.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.store.Database;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invariant check of {@code bench-load}: it must catch a stored rating that the events do not explain. */
class BenchLoadCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path folder;

    private Path databaseWithALikeOf(String userId, String trackId) {
        Path file = folder.resolve("load.db");
        try (Database database = Database.open(file)) {
            new TrackStore(database, Clock.systemUTC()).writeTrusted(TrustedSource.CATALOG,
                    List.of(Track.of(trackId, "A song", List.of("An artist"))));
            new RatingStore(database).rate(userId, trackId, true, "chat", NOW);
        }
        return file;
    }

    private static LoadSimulation.Outcome outcome(Map<String, List<RatingReplay.Applied>> applied, long flooderEvents,
                                                  long flooderLimited) {
        return new LoadSimulation.Outcome(new EnumMap<>(LoadSimulation.Phase.class), new EnumMap<>(LoadSimulation.Kind.class),
                10, 10, 0, 0, flooderLimited, flooderEvents, flooderLimited, Duration.ofSeconds(1), applied, List.of());
    }

    @Test
    void aStoredRatingThatTheDeliveredEventsExplainPasses() {
        Path file = databaseWithALikeOf("load:1", "t1");

        BenchLoadCommand.Result result = BenchLoadCommand.check(
                outcome(Map.of("load:1", List.of(new RatingReplay.Reacted("load:m1", "t1", true, true))), 5, 5), file);

        assertThat(result.violations()).isEmpty();
        assertThat(result.ratingsChecked()).isEqualTo(1);
    }

    @Test
    void aStoredRatingOtherThanTheLastReactionIsAViolation() {
        Path file = databaseWithALikeOf("load:1", "t1");

        // the events end on 👎, the database holds 👍
        BenchLoadCommand.Result result = BenchLoadCommand.check(outcome(Map.of("load:1", List.of(
                new RatingReplay.Reacted("load:m1", "t1", true, true),
                new RatingReplay.Reacted("load:m1", "t1", false, true))), 5, 5), file);

        assertThat(result.violations()).anySatisfy(v -> assertThat(v).startsWith("load:1: stored ratings differ")
                .contains("t1 expected false stored true"));
        assertThat(result.violations()).anySatisfy(v -> assertThat(v).startsWith("load:1: rating history differs"));
    }

    @Test
    void aRatingNobodyDeliveredAndAFlooderNeverLimitedAreViolations() {
        Path file = databaseWithALikeOf("load:2", "t1");

        BenchLoadCommand.Result result = BenchLoadCommand.check(outcome(Map.of("load:2", List.of()), 50, 0), file);

        assertThat(result.violations()).anySatisfy(v -> assertThat(v).contains("t1 expected nothing, stored true"));
        assertThat(result.violations()).contains("the abusive user sent 50 events and was never limited");
    }
}
