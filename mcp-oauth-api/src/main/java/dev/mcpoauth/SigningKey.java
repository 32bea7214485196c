package dev.mcpoauth;

import java.time.Instant;

/**
 * A key pair that signs access tokens, kept in the {@link TokenStore} so that a restarted process,
 * or another instance sharing the store, validates the tokens the first one minted.
 *
 * <p>A key signs new tokens until {@code signsUntil}, and stays published in the JWKS until
 * {@code expiresAt}, when no token it signed can still be valid.
 *
 * @param keyId      the JWK {@code kid}
 * @param algorithm  the JWS algorithm, e.g. {@code ES256}
 * @param privateJwk the private key as a JSON Web Key; a secret
 * @param createdAt  when the key was generated
 * @param signsUntil when the key stops signing new tokens
 * @param expiresAt  when the key is dropped from the JWKS and may be purged
 */
public record SigningKey(String keyId,
                         String algorithm,
                         String privateJwk,
                         Instant createdAt,
                         Instant signsUntil,
                         Instant expiresAt) {

    /** Validates the invariants. */
    public SigningKey {
        Values.requireNonBlank(keyId, "keyId");
        Values.requireNonBlank(algorithm, "algorithm");
        Values.requireNonBlank(privateJwk, "privateJwk");
        Values.requireOrdered(createdAt, signsUntil, "signing key");
        Values.requireOrdered(signsUntil, expiresAt, "signing key");
    }

    /** Keeps the private key out of logs. */
    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", algorithm=" + algorithm + ", createdAt=" + createdAt
                + ", signsUntil=" + signsUntil + ", expiresAt=" + expiresAt + "]";
    }
}
