package dev.tastebot.measure;

import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.UserLanes;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bot as {@code bench-load} drives it: the platform-neutral core and the users' lanes, as the
 * composition root wires them for a real run, over a database file of the benchmark's own.
 *
 * @param close stops the bot's background work and closes its database
 */
public record LoadTarget(ChatService chat, UserLanes lanes, Runnable close) {
    public LoadTarget {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(lanes, "lanes");
        Objects.requireNonNull(close, "close");
    }

    /** Builds the bot over the database file {@code database}, which holds the benchmark's catalogue. */
    @FunctionalInterface
    public interface Factory {
        LoadTarget open(Path database);
    }
}
