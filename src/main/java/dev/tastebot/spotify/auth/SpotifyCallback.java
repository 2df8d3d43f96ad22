package dev.tastebot.spotify.auth;

import dev.tastebot.web.CallbackHandler;
import dev.tastebot.web.CallbackPage;
import java.util.Objects;

/** The web callback's answers: completes the link and tells the user, in their browser, how it went. */
public final class SpotifyCallback implements CallbackHandler {
    private final SpotifyLinking linking;

    public SpotifyCallback(SpotifyLinking linking) {
        this.linking = Objects.requireNonNull(linking, "linking");
    }

    @Override
    public CallbackPage handle(String rawQuery) {
        Completion completion = linking.completeFromCallback(rawQuery);
        return switch (completion) {
            case Completion.Linked linked -> new CallbackPage(200, "Linked!", "You can go back to Discord.");
            case Completion.StateUnknownOrExpired expired -> new CallbackPage(400, "This link has expired", completion.message());
            case Completion.StateForAnotherUser other -> new CallbackPage(400, "Not your link", completion.message());
            case Completion.Denied denied -> new CallbackPage(400, "Nothing was linked", completion.message());
            case Completion.Failed failed -> new CallbackPage(400, "Linking did not work", failed.message());
        };
    }
}
