package dev.tastebot.discord;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.requests.RestAction;

/** Queues Discord requests so that every failure reaches one handler. */
final class RestActions {
    private RestActions() {
    }

    /**
     * JDA refuses some requests before sending them, by throwing: a missing permission it can see
     * in its cache, a reaction on an ephemeral message, and, once it is shut down, every request
     * ({@link RejectedExecutionException} from {@code queue}). Those go to {@code failure} as well,
     * so that nobody waits for a callback that will never come.
     */
    static <T> void queue(Supplier<? extends RestAction<T>> request, Consumer<? super T> success,
                          Consumer<? super Throwable> failure) {
        RestAction<T> action;
        try {
            action = request.get();
        } catch (RuntimeException e) {
            failure.accept(e);
            return;
        }
        try {
            action.queue(success, failure);
        } catch (RejectedExecutionException e) {
            failure.accept(e);
        }
    }
}
