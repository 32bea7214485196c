package dev.mcpoauth;

import java.util.Objects;

/**
 * The outcome of {@link TokenStore#redeemAuthorizationCode}: exactly one caller ever sees
 * {@link Redeemed} for a given code.
 */
public sealed interface CodeRedemption {

    /** The code was valid and unused; it is now used. */
    record Redeemed(AuthorizationCode code) implements CodeRedemption {
        /** Checks the code is present. */
        public Redeemed {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * The code exists but was redeemed before: a replay. The caller revokes
     * {@link AuthorizationCode#grantId()} (RFC 6749 §4.1.2).
     */
    record Replayed(AuthorizationCode code) implements CodeRedemption {
        /** Checks the code is present. */
        public Replayed {
            Objects.requireNonNull(code, "code");
        }
    }

    /** No such code, or it has expired. */
    record NotFound() implements CodeRedemption {
    }
}
