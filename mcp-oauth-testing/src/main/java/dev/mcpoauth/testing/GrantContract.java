package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.LONG;
import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.Grant;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The grant part of the contract: save, find by id and by refresh token, revoke once. */
public interface GrantContract extends StoreFixture {

    /** A saved grant is found by id and by its first refresh token, equal in every field. */
    @Test
    default void saveGrantThenFindGrantAndFindByRefreshTokenReturnIt() {
        Grant grant = TestValues.grant("g-1", registerClient("grant-client"));
        store().saveGrant(grant, "rt-1", NOW.plus(LONG));
        assertThat(store().findGrant("g-1")).contains(grant);
        assertThat(store().findGrantByRefreshToken("rt-1", NOW)).contains(grant);
    }

    /** Unknown ids and tokens find nothing. */
    @Test
    default void findGrantWhenUnknownThenEmpty() {
        assertThat(store().findGrant("no-such-grant")).isEmpty();
        assertThat(store().findGrantByRefreshToken("no-such-token", NOW)).isEmpty();
    }

    /** The first refresh token is found until just before its own expiry, which may precede the grant's end. */
    @Test
    default void findGrantByRefreshTokenWhenTokenExpiredThenEmpty() {
        Grant grant = TestValues.grant("g-2", registerClient("grant-client"));
        Instant tokenExpiry = NOW.plusSeconds(3600);
        store().saveGrant(grant, "rt-2", tokenExpiry);
        assertThat(store().findGrantByRefreshToken("rt-2", tokenExpiry.minusMillis(1))).contains(grant);
        assertThat(store().findGrantByRefreshToken("rt-2", tokenExpiry)).isEmpty();
        assertThat(store().findGrant("g-2")).as("an expired token leaves its grant in place").contains(grant);
    }

    /** Past the grant's end, its token finds nothing, but the grant is still found by id until purged. */
    @Test
    default void findGrantByRefreshTokenWhenGrantPastItsEndThenEmpty() {
        Grant grant = TestValues.grant("g-3", registerClient("grant-client"));
        store().saveGrant(grant, "rt-3", grant.expiresAt());
        assertThat(store().findGrantByRefreshToken("rt-3", grant.expiresAt())).isEmpty();
        assertThat(store().findGrant("g-3")).contains(grant);
    }

    /** A revoked grant's current token finds nothing; the grant is found by id, marked revoked. */
    @Test
    default void findGrantByRefreshTokenWhenGrantRevokedThenEmpty() {
        Grant grant = TestValues.grant("g-4", registerClient("grant-client"));
        store().saveGrant(grant, "rt-4", NOW.plus(LONG));
        store().revokeGrant("g-4");
        assertThat(store().findGrantByRefreshToken("rt-4", NOW)).isEmpty();
        assertThat(store().findGrant("g-4")).contains(grant.asRevoked());
    }

    /** Revoke reports true once, for the call that revoked an active grant, and false after. */
    @Test
    default void revokeGrantReturnsTrueOnceThenFalse() {
        store().saveGrant(TestValues.grant("g-5", registerClient("grant-client")), "rt-5", NOW.plus(LONG));
        assertThat(store().revokeGrant("g-5")).isTrue();
        assertThat(store().revokeGrant("g-5")).isFalse();
        assertThat(store().findGrant("g-5")).hasValueSatisfying(g -> assertThat(g.revoked()).isTrue());
    }

    /** Revoking an unknown grant is not an error. */
    @Test
    default void revokeGrantWhenUnknownThenFalse() {
        assertThat(store().revokeGrant("no-such-grant")).isFalse();
    }

    /** Revoking one grant leaves the client's other grants alone. */
    @Test
    default void revokeGrantLeavesOtherGrantsActive() {
        String client = registerClient("grant-client");
        Grant other = TestValues.grant("g-other", client);
        store().saveGrant(TestValues.grant("g-6", client), "rt-6", NOW.plus(LONG));
        store().saveGrant(other, "rt-other", NOW.plus(LONG));
        store().revokeGrant("g-6");
        assertThat(store().findGrant("g-other")).contains(other);
        assertThat(store().findGrantByRefreshToken("rt-other", NOW)).contains(other);
    }
}
