package dev.mcpoauth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The refresh token that replaces a presented one in {@link TokenStore#rotateRefreshToken}.
 *
 * <p>{@code sealedToken} is the new token encrypted under a key that only a holder of the presented
 * token can derive (the engine's business; a store keeps it as an opaque string beside the
 * rotated-away token and never reads it). It lets a client that repeats the same refresh within the
 * reuse grace window be given the same successor, so that concurrent refreshers converge on one
 * working token, while nothing stored lets the server, or anyone reading the store, recover it. It is
 * empty for a strict rotation, which keeps nothing for a repeat.
 *
 * @param tokenHash   the hash of the new refresh token
 * @param expiresAt   when the new refresh token expires (not after its grant's end)
 * @param sealedToken the new token, sealed as described above; empty for a strict rotation
 */
public record RefreshSuccessor(String tokenHash, Instant expiresAt, Optional<String> sealedToken) {

    /** Validates the values. */
    public RefreshSuccessor {
        Values.requireNonBlank(tokenHash, "tokenHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(sealedToken, "sealedToken");
        sealedToken.ifPresent(s -> Values.requireNonBlank(s, "sealedToken"));
    }

    /** A successor for a strict rotation, with nothing kept for a repeat. */
    public static RefreshSuccessor unsealed(String tokenHash, Instant expiresAt) {
        return new RefreshSuccessor(tokenHash, expiresAt, Optional.empty());
    }

    /** A successor whose sealed form is kept for repeats within the reuse grace window. */
    public static RefreshSuccessor sealed(String tokenHash, Instant expiresAt, String sealedToken) {
        return new RefreshSuccessor(tokenHash, expiresAt, Optional.of(sealedToken));
    }

    /** Leaves the sealed token out, like every record here that carries token material. */
    @Override
    public String toString() {
        return "RefreshSuccessor[tokenHash=" + tokenHash + ", expiresAt=" + expiresAt
                + ", sealed=" + sealedToken.isPresent() + "]";
    }
}
