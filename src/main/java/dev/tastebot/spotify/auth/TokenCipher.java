package dev.tastebot.spotify.auth;

import dev.tastebot.config.TokenEncryptionKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts refresh tokens for storage: AES-256-GCM, a fresh random 12-byte IV per encryption
 * (written in front of the ciphertext), and the user id as associated data, so a token copied to
 * another user's row does not decrypt. A GCM IV must never repeat under one key; 96 random bits
 * make that negligible for the few tokens a bot stores.
 */
public final class TokenCipher {
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final TokenEncryptionKey key;
    private final SecureRandom random;

    public TokenCipher(TokenEncryptionKey key, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return IV ‖ ciphertext ‖ tag */
    public byte[] encrypt(String userId, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.aesKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(userId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime: " + e.getMessage(), e);
        }
    }

    /**
     * @throws TokenDecryptionException when the bytes were not encrypted with this key for this user,
     *     or were changed since
     */
    public String decrypt(String userId, byte[] ivAndCiphertext) {
        if (ivAndCiphertext.length < IV_BYTES + TAG_BITS / 8) {
            throw new TokenDecryptionException("the stored Spotify token is too short to be an encrypted token");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.aesKey(),
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(ivAndCiphertext, 0, IV_BYTES)));
            cipher.updateAAD(userId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TokenDecryptionException("the stored Spotify token does not decrypt: it belongs to another user, "
                    + "was changed, or TASTEBOT_TOKEN_ENCRYPTION_KEY is not the key it was encrypted with");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime: " + e.getMessage(), e);
        }
    }

    /** The stored token cannot be recovered; the user has to link again. */
    public static final class TokenDecryptionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TokenDecryptionException(String message) {
            super(message);
        }
    }
}
