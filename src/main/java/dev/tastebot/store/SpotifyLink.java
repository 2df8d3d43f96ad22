package dev.tastebot.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's stored Spotify link.
 *
 * @param encryptedRefreshToken the refresh token as the caller encrypted it; the store never sees
 *     it in clear
 * @param refreshedAt when the refresh token was last replaced or used; absent until the first refresh
 */
public record SpotifyLink(
        String userId,
        byte[] encryptedRefreshToken,
        String scope,
        Status status,
        Instant linkedAt,
        Optional<Instant> refreshedAt) {

    public SpotifyLink {
        Objects.requireNonNull(userId, "userId");
        encryptedRefreshToken = encryptedRefreshToken.clone();
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(linkedAt, "linkedAt");
        Objects.requireNonNull(refreshedAt, "refreshedAt");
    }

    @Override
    public byte[] encryptedRefreshToken() {
        return encryptedRefreshToken.clone();
    }

    /** 'expired' means Spotify refused the refresh token: only linking again helps. */
    public enum Status {
        ACTIVE("active"),
        EXPIRED("expired");

        private final String column;

        Status(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }

        static Status fromColumn(String value) {
            for (Status status : values()) {
                if (status.column.equals(value)) {
                    return status;
                }
            }
            throw new StoreException("unknown spotify_links.status: " + value);
        }
    }
}
