package dev.mcpoauth;

import java.util.Objects;

/**
 * The outcome of {@link TokenStore#rotateRefreshToken}: exactly one caller ever sees
 * {@link Rotated} for a given refresh token.
 */
public sealed interface RefreshRotation {

    /** The token was the current one of an active grant; the new token replaced it. */
    record Rotated(Grant grant) implements RefreshRotation {
        /** Checks the grant is present. */
        public Rotated {
            Objects.requireNonNull(grant, "grant");
        }
    }

    /**
     * The token belongs to the grant but was already rotated away: it is being reused, which means
     * it may have been stolen. The caller revokes the grant (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2).
     */
    record Reused(Grant grant) implements RefreshRotation {
        /** Checks the grant is present. */
        public Reused {
            Objects.requireNonNull(grant, "grant");
        }
    }

    /** No such token, or it, or its grant, has expired or been revoked. */
    record Invalid() implements RefreshRotation {
    }
}
