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

    /** A token is active while its grant is active and it is not revoked, and at no other time. */
    @Test
    default void isAccessTokenActiveFollowsItsGrantAndItsOwnRevocation() {
        dev.mcpoauth.Grant grant = TestValues.grant("g-active", "active-client");
        store().saveGrant(grant, "rt-active", NOW.plus(TestValues.LONG));
        assertThat(store().isAccessTokenActive("g-active", "jti-a", NOW)).as("active grant, token not revoked").isTrue();
        assertThat(store().isAccessTokenActive("g-active", "jti-a", grant.expiresAt()))
                .as("the grant has ended").isFalse();
        assertThat(store().isAccessTokenActive("no-such-grant", "jti-a", NOW)).as("unknown grant").isFalse();

        store().revokeAccessToken("jti-a", NOW.plusSeconds(3600));
        assertThat(store().isAccessTokenActive("g-active", "jti-a", NOW)).as("the token was revoked").isFalse();
        assertThat(store().isAccessTokenActive("g-active", "jti-b", NOW)).as("another token of the grant").isTrue();

        store().revokeGrant("g-active");
        assertThat(store().isAccessTokenActive("g-active", "jti-b", NOW)).as("the grant was revoked").isFalse();
    }

    /** Revoking the same token twice is harmless: clients may call /revoke more than once (RFC 7009 §2.2). */
    @Test
    default void revokeAccessTokenTwiceIsHarmless() {
        store().revokeAccessToken("jti-twice", NOW.plusSeconds(3600));
        store().revokeAccessToken("jti-twice", NOW.plusSeconds(3600));
        assertThat(store().isAccessTokenRevoked("jti-twice")).isTrue();
    }
}
