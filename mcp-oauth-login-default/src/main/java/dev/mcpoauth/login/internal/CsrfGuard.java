package dev.mcpoauth.login.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Double-submit cookie bound to the pending request: the browser holds a random cookie value, the
 * form holds {@code base64url(HMAC-SHA256(key, cookie + "|" + state))}. A cross-site page can make
 * the browser post the form, but cannot read the cookie (nor, with {@code SameSite=Strict}, make the
 * browser send it) and cannot compute a token without the key; a token lifted from one page does not
 * fit another request's state or another browser's cookie.
 *
 * <p>Thread safe.
 */
public final class CsrfGuard {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** 32 random bytes, base64url without padding. */
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /**
     * Creates the guard.
     *
     * @param key the HMAC key; at least 32 bytes; shared by every node that serves the login page
     */
    public CsrfGuard(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the CSRF key must have at least 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A fresh random key for one process. */
    public static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A fresh random cookie value. */
    public static String newCookieValue() {
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    /** The cookie value if it has the shape this guard issues; anything else is treated as absent. */
    public static Optional<String> wellFormed(Optional<String> cookieValue) {
        return cookieValue.filter(v -> COOKIE_VALUE.matcher(v).matches());
    }

    /** The form token for a cookie value and a login request id. */
    public String token(String cookieValue, String state) {
        return BASE64URL.encodeToString(mac((cookieValue + "|" + state).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether a submitted token fits the cookie and the state; compared in constant time.
     *
     * @param cookieValue the cookie the browser sent, if any
     * @param state       the submitted login request id
     * @param token       the submitted form token, if any
     * @return true only when the cookie is well formed and the token is the one issued for both
     */
    public boolean verify(Optional<String> cookieValue, String state, Optional<String> token) {
        Optional<String> cookie = wellFormed(cookieValue);
        if (cookie.isEmpty() || token.isEmpty()) {
            return false;
        }
        byte[] expected = token(cookie.get(), state).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.get().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
