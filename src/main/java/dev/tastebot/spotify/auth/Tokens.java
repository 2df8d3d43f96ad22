package dev.tastebot.spotify.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the token endpoint granted.
 *
 * @param refreshToken absent when a refresh did not rotate it: the old one stays valid then
 * @param scope the scopes actually granted, space-separated (a user may grant fewer than asked)
 */
public record Tokens(String accessToken, Duration expiresIn, Optional<String> refreshToken, String scope) {
    public Tokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public String toString() {
        return "Tokens[redacted, expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
