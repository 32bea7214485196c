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
     * The token was rotated away less than the reuse grace ago, with a sealed successor kept, and
     * that successor is still the current, unexpired token of the active grant: the same refresh is
     * being repeated (a retry after a lost response, two processes sharing one credential, a
     * connector refreshing from several nodes). Nothing changed; the caller answers with the
     * successor it unseals from {@code sealedSuccessor}, so every repeater converges on that token.
     *
     * @param grant           the grant, active
     * @param sealedSuccessor the {@link RefreshSuccessor#sealedToken()} stored by the rotation
     */
    record Repeated(Grant grant, String sealedSuccessor) implements RefreshRotation {
        /** Checks the values are present. */
        public Repeated {
            Objects.requireNonNull(grant, "grant");
            Values.requireNonBlank(sealedSuccessor, "sealedSuccessor");
        }

        /** Leaves the sealed successor out. */
        @Override
        public String toString() {
            return "Repeated[grant=" + grant + "]";
        }
    }

    /**
     * The token belongs to the grant but was rotated away and is not a {@link Repeated} refresh: it
     * is being reused, which means it may have been stolen. The caller revokes the grant
     * (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2).
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
