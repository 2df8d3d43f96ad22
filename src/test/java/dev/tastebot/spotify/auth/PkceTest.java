package dev.tastebot.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {
    @Test
    void theChallengeMatchesRfc7636AppendixB() {
        // GIVEN the verifier of RFC 7636's worked example
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

        // WHEN its S256 challenge is computed
        // THEN it is the RFC's value: base64url, no padding
        assertThat(Pkce.challenge(verifier)).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void verifiersAreLongEnoughUnreservedAndDifferentEachTime() {
        Pkce pkce = new Pkce(new SecureRandom());

        String first = pkce.newVerifier();
        String second = pkce.newVerifier();

        assertThat(first).hasSizeBetween(43, 128).matches("[A-Za-z0-9._~-]+");
        assertThat(second).isNotEqualTo(first);
        assertThat(Pkce.challenge(first)).matches("[A-Za-z0-9_-]{43}");
    }
}
