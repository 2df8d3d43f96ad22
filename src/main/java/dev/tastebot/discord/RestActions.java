package dev.tastebot.discord;

import java.util.function.Consumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.requests.RestAction;

/** Queues Discord requests so that every failure reaches one handler. */
final class RestActions {
    private RestActions() {
    }

    /**
     * JDA refuses some requests before sending them, by throwing (a missing permission it can see
     * in its cache, a reaction on an ephemeral message); those go to {@code failure} as well.
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
        action.queue(success, failure);
    }
}
