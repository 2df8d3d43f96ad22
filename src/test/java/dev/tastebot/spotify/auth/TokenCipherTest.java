package dev.tastebot.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tastebot.config.TokenEncryptionKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {
    static TokenEncryptionKey randomKey() {
        byte[] key = new byte[TokenEncryptionKey.LENGTH_BYTES];
        new SecureRandom().nextBytes(key);
        return TokenEncryptionKey.fromBase64(Base64.getEncoder().encodeToString(key));
    }

    private final TokenCipher cipher = new TokenCipher(randomKey(), new SecureRandom());

    @Test
    void aTokenRoundTripsAndIsNotStoredInClear() {
        byte[] sealed = cipher.encrypt("discord:1", "refresh-token-secret");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("refresh-token-secret");
        assertThat(cipher.decrypt("discord:1", sealed)).isEqualTo("refresh-token-secret");
    }

    @Test
    void theSameTokenEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("discord:1", "t")).isNotEqualTo(cipher.encrypt("discord:1", "t"));
    }

    @Test
    void anotherUsersTokenDoesNotDecrypt() {
        byte[] sealed = cipher.encrypt("discord:1", "refresh-token");

        assertThatThrownBy(() -> cipher.decrypt("discord:2", sealed))
                .isInstanceOf(TokenCipher.TokenDecryptionException.class)
                .hasMessageContaining("another user");
    }

    @Test
    void aChangedByteAnywhereIsDetected() {
        byte[] sealed = cipher.encrypt("discord:1", "refresh-token");
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt("discord:1", tampered)).as("byte %d", i)
                    .isInstanceOf(TokenCipher.TokenDecryptionException.class);
        }
        assertThatThrownBy(() -> cipher.decrypt("discord:1", new byte[5]))
                .isInstanceOf(TokenCipher.TokenDecryptionException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        byte[] sealed = cipher.encrypt("discord:1", "refresh-token");

        assertThatThrownBy(() -> new TokenCipher(randomKey(), new SecureRandom()).decrypt("discord:1", sealed))
                .hasMessageContaining("TASTEBOT_TOKEN_ENCRYPTION_KEY");
    }
}
