package dev.tastebot.spotify.auth;

/** How a request to the token endpoint ended. */
public sealed interface TokenResult {
    record Granted(Tokens tokens) implements TokenResult {
    }

    /**
     * The code or refresh token is not (or no longer) valid: used before, revoked by the user, or a
     * refresh token past its six months. Only linking again helps.
     */
    record InvalidGrant(String description) implements TokenResult {
    }

    /** Any other OAuth error, e.g. {@code invalid_client} for a wrong client id: the operator's to fix. */
    record OAuthError(String error, String description) implements TokenResult {
    }

    /** No usable answer: timeout, connection failure, 5xx, 429 or a body that is not a token response. Worth retrying later. */
    record Unavailable(String reason) implements TokenResult {
    }
}
