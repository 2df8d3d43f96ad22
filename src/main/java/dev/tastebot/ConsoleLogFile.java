package dev.tastebot;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * While the console runs, log lines would land in the middle of the conversation: they go to a file
 * instead, and back to where they went before once the console ends.
 */
final class ConsoleLogFile implements AutoCloseable {
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n";

    private final Logger root;
    private final List<Appender<ILoggingEvent>> replaced;
    private final FileAppender<ILoggingEvent> file;

    private ConsoleLogFile(Logger root, List<Appender<ILoggingEvent>> replaced, FileAppender<ILoggingEvent> file) {
        this.root = root;
        this.replaced = replaced;
        this.file = file;
    }

    /** Sends every log line to {@code path} (appended) until {@link #close}. */
    static ConsoleLogFile to(Path path) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("console-log-file");
        file.setFile(path.toAbsolutePath().toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> replaced = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            replaced.add(it.next());
        }
        root.addAppender(file);
        replaced.forEach(root::detachAppender);
        return new ConsoleLogFile(root, replaced, file);
    }

    @Override
    public void close() {
        replaced.forEach(root::addAppender);
        root.detachAppender(file);
        file.stop();
    }
}
