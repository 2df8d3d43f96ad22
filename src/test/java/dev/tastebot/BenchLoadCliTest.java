package dev.tastebot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tastebot bench-load} end to end, briefly: the real option declarations, the application as
 * {@code run} wires it (lanes, limits, stores) and the invariant check over what it stored.
 */
class BenchLoadCliTest {
    @TempDir
    Path workingDirectory;

    private final CliRun cli = new CliRun(() -> workingDirectory);

    @Test
    void aShortLoadKeepsEveryRatingAndLimitsTheFlooderAndPrintsItsFiguresAsJson() throws Exception {
        // WHEN 40 users send 50 events a second for 6 seconds, a flooder joining for the last 3
        int exitCode = cli.run("bench-load", "--users", "40", "--seconds", "6", "--rate", "50", "--seed", "3", "--json");

        // THEN every event was answered, every stored rating is what the events delivered made it
        assertThat(exitCode).as(cli.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(cli.out());
        assertThat(result.path("violations").asInt(-1)).as(result.toPrettyString()).isZero();
        assertThat(result.path("events").asLong()).isGreaterThan(300).isEqualTo(result.path("answered").asLong());
        assertThat(result.path("ratings_checked").asInt()).isPositive();
        assertThat(result.path("failed").asLong()).isZero();
        // AND the flooder, at 100 events a second, was held to the event limit
        assertThat(result.path("flooder_events").asLong()).isGreaterThan(200);
        assertThat(result.path("flooder_limited").asLong()).isGreaterThan(result.path("flooder_events").asLong() / 2);
        assertThat(result.path("limited_events").asLong()).isGreaterThanOrEqualTo(result.path("flooder_limited").asLong());
        // AND the figures the issue asks for are there, per kind of event
        assertThat(result.path("throughput_per_s").asDouble()).isPositive();
        assertThat(result.path("p99_ms").has("reaction")).isTrue();
        assertThat(result.path("p99_ms").has("will_i_like")).isTrue();
        assertThat(result.path("phases").path("flood").path("p99_ms").has("reaction")).isTrue();
        // AND progress went to standard error, and nothing but the object to standard output
        assertThat(cli.err()).contains("writing a catalogue of 5,000 songs");
        assertThat(cli.out().strip()).startsWith("{").endsWith("}");
    }
}
