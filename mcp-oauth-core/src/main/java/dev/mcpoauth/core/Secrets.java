package dev.mcpoauth.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random values and their hashes: every code, refresh token, client secret and login request id is
 * 256 random bits, handed out once and stored only as its SHA-256 hash.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** A new secret: 256 random bits, base64url without padding (43 characters). */
    public static String newSecret() {
        return randomBase64(32);
    }

    /** A new identifier that need not be secret but must not collide: 128 random bits (22 characters). */
    public static String newId() {
        return randomBase64(16);
    }

    /** The SHA-256 hash of {@code value}, base64url without padding: the only form in which secrets are stored. */
    public static String hash(String value) {
        return B64URL.encodeToString(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SHA-256 digest of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must implement SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Compares two strings in time that does not depend on where they differ. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomBase64(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return B64URL.encodeToString(buffer);
    }
}
