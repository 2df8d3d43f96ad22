package dev.tastebot.spotify.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Proof Key for Code Exchange (RFC 7636): a secret verifier per link attempt and its S256 challenge. */
public final class Pkce {
    /** 64 is the high end of what Spotify's own examples use and well inside RFC 7636's 43–128. */
    static final int VERIFIER_LENGTH = 64;
    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private final SecureRandom random;

    public Pkce(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh verifier of unreserved characters, each drawn uniformly (no modulo bias). */
    public String newVerifier() {
        StringBuilder verifier = new StringBuilder(VERIFIER_LENGTH);
        for (int i = 0; i < VERIFIER_LENGTH; i++) {
            verifier.append(UNRESERVED.charAt(random.nextInt(UNRESERVED.length())));
        }
        return verifier.toString();
    }

    /** BASE64URL(SHA-256(ASCII(verifier))) without padding. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
