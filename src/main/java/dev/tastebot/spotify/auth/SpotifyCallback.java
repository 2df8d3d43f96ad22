package dev.tastebot.spotify.auth;

import dev.tastebot.web.CallbackHandler;
import dev.tastebot.web.CallbackPage;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The web callback's answers: shows whose link Spotify's approval would complete and asks to
 * confirm, then completes the link and tells the user, in their browser, how it went.
 */
public final class SpotifyCallback implements CallbackHandler {
    private final SpotifyLinking linking;
    private final Consumer<String> onLinked;

    /** @param onLinked hears the user whose link just completed (to bring in their saved songs) */
    public SpotifyCallback(SpotifyLinking linking, Consumer<String> onLinked) {
        this.linking = Objects.requireNonNull(linking, "linking");
        this.onLinked = Objects.requireNonNull(onLinked, "onLinked");
    }

    @Override
    public CallbackPage arrive(String rawQuery) {
        return switch (linking.arrive(rawQuery)) {
            case Arrival.AwaitingConfirmation(String account) -> new CallbackPage(200, "Link your Spotify account?",
                    "This links the Spotify account you just approved to " + account + ", which will then read your "
                            + "saved songs. Go on only if that chat account is yours; if someone sent you this link, "
                            + "close this page and nothing is linked.",
                    Optional.of("Link to " + account));
            case Arrival.Ended(Completion completion) -> page(completion);
        };
    }

    @Override
    public CallbackPage confirm(String rawQuery) {
        Completion completion = linking.completeFromCallback(rawQuery);
        if (completion instanceof Completion.Linked linked) {
            onLinked.accept(linked.userId());
        }
        return page(completion);
    }

    private static CallbackPage page(Completion completion) {
        return switch (completion) {
            case Completion.Linked linked -> new CallbackPage(200, "Linked!", "Your Spotify account is linked to "
                    + linked.account() + ". You can go back to the chat: your saved songs are being brought in as "
                    + "likes, and /stats shows them.");
            case Completion.StateUnknownOrExpired expired -> new CallbackPage(400, "This link has expired", completion.message());
            case Completion.StateForAnotherUser other -> new CallbackPage(400, "Not your link", completion.message());
            case Completion.Denied denied -> new CallbackPage(400, "Nothing was linked", completion.message());
            case Completion.Failed failed -> new CallbackPage(400, "Linking did not work", failed.message());
        };
    }
}
