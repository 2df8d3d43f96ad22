package dev.tastebot.config;

import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that encrypts refresh tokens at rest. Its {@link #toString()} is redacted.
 */
public record TokenEncryptionKey(SecretKey aesKey) {
    public static final int LENGTH_BYTES = 32;

    public TokenEncryptionKey {
        Objects.requireNonNull(aesKey, "aesKey");
        if (!"AES".equals(aesKey.getAlgorithm()) || aesKey.getEncoded().length != LENGTH_BYTES) {
            throw new IllegalArgumentException("expected a " + LENGTH_BYTES + "-byte AES key");
        }
    }

    /**
     * @throws IllegalArgumentException with a message safe to show (it never contains the key)
     *     when the text is not base64 or does not decode to exactly 32 bytes
     */
    public static TokenEncryptionKey fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the value is not valid base64");
        }
        if (bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("the value decodes to " + bytes.length + " bytes");
        }
        return new TokenEncryptionKey(new SecretKeySpec(bytes, "AES"));
    }

    @Override
    public String toString() {
        return "TokenEncryptionKey[redacted]";
    }
}
