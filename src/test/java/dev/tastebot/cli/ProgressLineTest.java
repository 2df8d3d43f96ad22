package dev.tastebot.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(written, true, StandardCharsets.UTF_8);

    @Test
    void onATerminalOneLineIsRedrawnAndCleared() {
        ProgressLine line = new ProgressLine(err, true);

        line.show("10,000 rows read");
        line.show("20 rows");
        line.end();

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("\r10,000 rows read\r20 rows" + " ".repeat(9) + "\n");
    }

    @Test
    void elsewhereEachStepIsALineAndNoCarriageReturnIsWritten() {
        ProgressLine line = new ProgressLine(err, false);

        line.show("1/3 folds done");
        line.show("2/3 folds done");
        line.end();

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("1/3 folds done\n2/3 folds done\n");
    }

    @Test
    void aStreamThatIsNotThisProcesssStandardErrorIsNeverATerminal() {
        ProgressLine line = ProgressLine.on(err);

        line.show("step");

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("step\n");
    }
}
