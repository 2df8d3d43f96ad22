package dev.tastebot.spotify.auth;

import java.net.URI;
import java.time.Duration;

/** The answer to a user who asked to link Spotify. */
public sealed interface Start {
    /**
     * Send the user to {@code authorizeUrl}; it works once, for {@code validFor}.
     *
     * @param pasteBack whether the redirect goes to a loopback address: the user's browser then may
     *     show an error page, and the user should paste its address back into the chat
     */
    record Open(URI authorizeUrl, Duration validFor, boolean pasteBack) implements Start {
    }

    /** Linking cannot start on this bot; {@code message} says why, for the user and the operator. */
    record Refused(String message) implements Start {
    }
}
