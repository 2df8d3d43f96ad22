package dev.tastebot.spotify.auth;

import dev.tastebot.web.CallbackHandler;
import dev.tastebot.web.CallbackPage;
import java.util.Objects;
import java.util.function.Consumer;

/** The web callback's answers: completes the link and tells the user, in their browser, how it went. */
public final class SpotifyCallback implements CallbackHandler {
    private final SpotifyLinking linking;
    private final Consumer<String> onLinked;

    /** @param onLinked hears the user whose link just completed (to bring in their saved songs) */
    public SpotifyCallback(SpotifyLinking linking, Consumer<String> onLinked) {
        this.linking = Objects.requireNonNull(linking, "linking");
        this.onLinked = Objects.requireNonNull(onLinked, "onLinked");
    }

    @Override
    public CallbackPage handle(String rawQuery) {
        Completion completion = linking.completeFromCallback(rawQuery);
        return switch (completion) {
            case Completion.Linked linked -> {
                onLinked.accept(linked.userId());
                yield new CallbackPage(200, "Linked!", "You can go back to Discord: your saved songs are being brought "
                        + "in as likes, and /stats shows them.");
            }
            case Completion.StateUnknownOrExpired expired -> new CallbackPage(400, "This link has expired", completion.message());
            case Completion.StateForAnotherUser other -> new CallbackPage(400, "Not your link", completion.message());
            case Completion.Denied denied -> new CallbackPage(400, "Nothing was linked", completion.message());
            case Completion.Failed failed -> new CallbackPage(400, "Linking did not work", failed.message());
        };
    }
}
