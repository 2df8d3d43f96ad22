package dev.tastebot.fairuse;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one run of a kind of work per user at a time (one import, one retraining). Holds only the
 * users whose work is running, so it is as small as the work in progress.
 */
public final class OneAtATime {
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** The user's turn, to close when the work is done; empty while their earlier run goes on. */
    public Optional<Turn> start(String userId) {
        Objects.requireNonNull(userId, "userId");
        return running.add(userId) ? Optional.of(new Turn(userId)) : Optional.empty();
    }

    public boolean isRunning(String userId) {
        return running.contains(userId);
    }

    /** One run in progress; closing it (more than once does no harm) lets the user start another. */
    public final class Turn implements AutoCloseable {
        private final String userId;
        private boolean closed;

        private Turn(String userId) {
            this.userId = userId;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                running.remove(userId);
            }
        }
    }
}
