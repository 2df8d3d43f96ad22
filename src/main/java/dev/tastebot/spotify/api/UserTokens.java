package dev.tastebot.spotify.api;

import java.util.Optional;
import java.util.function.Function;

/**
 * A linked user's access tokens, and the one policy for a token Spotify refuses: refresh it once
 * and ask again. A token refused even after that means the user must link again.
 */
public interface UserTokens {

    /** The current access token, refreshed when it has run out; empty when the user has no usable link. */
    Optional<String> current(String userId);

    /** A new access token after Spotify refused the current one; empty when the link is gone or expired. */
    Optional<String> refreshed(String userId);

    /**
     * Runs {@code call} with the user's access token; when Spotify refuses the token, refreshes it
     * and runs {@code call} once more. Empty when the user has no usable link, or the refreshed token
     * is refused too. Other failures of the call are thrown as they come.
     */
    default <T> Optional<T> withToken(String userId, Function<String, T> call) {
        Optional<String> token = current(userId);
        for (boolean first = true; token.isPresent(); first = false) {
            try {
                return Optional.of(call.apply(token.get()));
            } catch (SpotifyApiException.Unauthorized refused) {
                token = first ? refreshed(userId) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
