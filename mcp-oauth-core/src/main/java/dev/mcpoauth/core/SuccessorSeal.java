package dev.mcpoauth.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a refresh token's successor under a key derived from the refresh token itself, so that the
 * store can keep the successor for a repeated refresh without the server holding any key, and
 * without anything stored (the token's SHA-256 hash, this ciphertext) revealing the successor: only
 * a caller who presents the rotated-away token can unseal it, and the store gives the sealed form
 * back only within the reuse grace.
 *
 * <p>Key: HMAC-SHA256 keyed with the presented token over a fixed label (independent of the token's
 * lookup hash, which is a plain SHA-256). Cipher: AES-256-GCM, a random 96-bit nonce, the label as
 * associated data. Format: base64url(nonce || ciphertext || tag). The JDK's own JCA is used; no
 * library is needed for one AEAD call.
 */
final class SuccessorSeal {

    private static final byte[] LABEL = "mcp-oauth refresh successor v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SuccessorSeal() {
    }

    /** Seals {@code successor} so that only a holder of {@code presented} can unseal it. */
    static String seal(String presented, String successor) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, presented, nonce)
                    .doFinal(successor.getBytes(StandardCharsets.US_ASCII));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /**
     * Unseals what {@link #seal} made for {@code presented}.
     *
     * @return the successor, or empty when {@code sealed} was not sealed for this token or was altered
     */
    static Optional<String> unseal(String presented, String sealed) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed);
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
            byte[] plain = cipher(Cipher.DECRYPT_MODE, presented, nonce).doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException | javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unsealing failed", e);
        }
    }

    private static Cipher cipher(int mode, String presented, byte[] nonce) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(presented.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(mac.doFinal(LABEL), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(LABEL);
        return cipher;
    }
}
