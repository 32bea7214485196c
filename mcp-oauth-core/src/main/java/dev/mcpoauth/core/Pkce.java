package dev.mcpoauth.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange with the S256 method (<a href="https://www.rfc-editor.org/rfc/rfc7636">RFC 7636</a>). */
final class Pkce {

    /** A code verifier: 43 to 128 unreserved characters (RFC 7636 §4.1). */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    /** Whether a verifier has the form RFC 7636 §4.1 requires. */
    public static boolean isWellFormedVerifier(String verifier) {
        return VERIFIER.matcher(verifier).matches();
    }

    /** The S256 challenge of a verifier: {@code BASE64URL(SHA256(ASCII(verifier)))}. */
    public static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether the verifier matches the challenge, compared in constant time. */
    public static boolean matches(String verifier, String challenge) {
        return Secrets.constantTimeEquals(challenge(verifier), challenge);
    }
}
