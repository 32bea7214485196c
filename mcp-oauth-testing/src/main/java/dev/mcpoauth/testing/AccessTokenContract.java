package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The access-token part of the contract: a revoked {@code jti} is remembered. */
public interface AccessTokenContract extends StoreFixture {

    /** A revoked token is reported revoked; another token is not. */
    @Test
    default void revokeAccessTokenThenIsRevokedAndOthersAreNot() {
        store().revokeAccessToken("jti-1", NOW.plusSeconds(3600));
        assertThat(store().isAccessTokenRevoked("jti-1")).isTrue();
        assertThat(store().isAccessTokenRevoked("jti-2")).isFalse();
    }

    /** An unknown token is not revoked. */
    @Test
    default void isAccessTokenRevokedWhenUnknownThenFalse() {
        assertThat(store().isAccessTokenRevoked("never-seen")).isFalse();
    }

    /** Revoking the same token twice is harmless: clients may call /revoke more than once (RFC 7009 §2.2). */
    @Test
    default void revokeAccessTokenTwiceIsHarmless() {
        store().revokeAccessToken("jti-twice", NOW.plusSeconds(3600));
        store().revokeAccessToken("jti-twice", NOW.plusSeconds(3600));
        assertThat(store().isAccessTokenRevoked("jti-twice")).isTrue();
    }
}
