package dev.tastebot.fairuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {
    private final OneAtATime imports = new OneAtATime();

    @Test
    void aSecondRunWaitsForTheFirstToFinish() {
        // GIVEN a user's import running
        Optional<OneAtATime.Turn> first = imports.start("u");
        assertThat(first).isPresent();

        // WHEN they start another, and someone else does
        // THEN theirs is refused, the other's not
        assertThat(imports.start("u")).isEmpty();
        assertThat(imports.isRunning("u")).isTrue();
        assertThat(imports.start("v")).isPresent();

        // WHEN the first finishes (closing twice does no harm)
        first.get().close();
        first.get().close();

        // THEN they may start again
        assertThat(imports.isRunning("u")).isFalse();
        assertThat(imports.start("u")).isPresent();
    }
}
