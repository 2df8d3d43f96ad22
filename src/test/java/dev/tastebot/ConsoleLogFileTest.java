package dev.tastebot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLogFileTest {
    private static final Logger log = LoggerFactory.getLogger(ConsoleLogFileTest.class);

    @TempDir
    Path folder;

    @Test
    void whileTheConsoleRunsLogLinesGoToTheFileAndAfterwardsBackWhereTheyWent() throws IOException {
        // GIVEN a data folder that does not exist yet, as on a first run
        Path file = folder.resolve("data/tastebot.log");
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        boolean stderrBefore = root.getAppender("STDERR") != null;

        // WHEN a line is logged while the console runs, and another after it ended
        try (ConsoleLogFile logs = ConsoleLogFile.to(file)) {
            assertThat(root.getAppender("STDERR")).as("nothing goes to the terminal meanwhile").isNull();
            log.warn("the line written during the console");
        }
        log.warn("the line written after it");

        // THEN the file holds the first only, and the terminal's appender is back
        String logged = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(logged).contains("WARN").contains("the line written during the console").doesNotContain("after it");
        assertThat(root.getAppender("STDERR") != null).isEqualTo(stderrBefore);
    }
}
