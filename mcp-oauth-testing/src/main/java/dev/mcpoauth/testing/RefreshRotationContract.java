package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.LONG;
import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.Grant;
import dev.mcpoauth.RefreshRotation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The refresh-rotation part of the contract: rotated once, reuse detected, invalid tokens change nothing. */
public interface RefreshRotationContract extends StoreFixture {

    private Grant savedGrant(String grantId, String tokenHash, Instant tokenExpiry) {
        Grant grant = TestValues.grant(grantId, registerClient("client-of-" + grantId));
        store().saveGrant(grant, tokenHash, tokenExpiry);
        return grant;
    }

    /** Rotating the current token returns the grant; the new token becomes current and the old one stops. */
    @Test
    default void rotateCurrentTokenThenRotatedAndNewTokenIsCurrent() {
        Grant grant = savedGrant("g-r1", "rt-a", NOW.plus(LONG));
        assertThat(store().rotateRefreshToken("rt-a", "rt-b", NOW.plus(LONG), NOW))
                .isEqualTo(new RefreshRotation.Rotated(grant));
        assertThat(store().findGrantByRefreshToken("rt-a", NOW)).isEmpty();
        assertThat(store().findGrantByRefreshToken("rt-b", NOW)).contains(grant);
    }

    /** A chain of rotations keeps exactly the latest token current. */
    @Test
    default void rotateNewTokenAgainThenRotatedAndOnlyLatestIsCurrent() {
        Grant grant = savedGrant("g-r2", "rt-1", NOW.plus(LONG));
        store().rotateRefreshToken("rt-1", "rt-2", NOW.plus(LONG), NOW);
        assertThat(store().rotateRefreshToken("rt-2", "rt-3", NOW.plus(LONG), NOW.plusSeconds(60)))
                .isEqualTo(new RefreshRotation.Rotated(grant));
        assertThat(store().findGrantByRefreshToken("rt-1", NOW.plusSeconds(60))).isEmpty();
        assertThat(store().findGrantByRefreshToken("rt-2", NOW.plusSeconds(60))).isEmpty();
        assertThat(store().findGrantByRefreshToken("rt-3", NOW.plusSeconds(60))).contains(grant);
    }

    /** Presenting a rotated-away token is reuse; the store reports it and changes nothing itself. */
    @Test
    default void rotateRotatedAwayTokenThenReusedAndNothingChanges() {
        Grant grant = savedGrant("g-r3", "rt-old", NOW.plus(LONG));
        store().rotateRefreshToken("rt-old", "rt-new", NOW.plus(LONG), NOW);
        assertThat(store().rotateRefreshToken("rt-old", "rt-thief", NOW.plus(LONG), NOW.plusSeconds(1)))
                .isEqualTo(new RefreshRotation.Reused(grant));
        assertThat(store().findGrantByRefreshToken("rt-thief", NOW.plusSeconds(1))).isEmpty();
        assertThat(store().findGrantByRefreshToken("rt-new", NOW.plusSeconds(1)))
                .as("revoking on reuse is the engine's decision, not the store's").contains(grant);
    }

    /** An unknown token is invalid and creates nothing. */
    @Test
    default void rotateUnknownTokenThenInvalid() {
        assertThat(store().rotateRefreshToken("no-such-token", "rt-x", NOW.plus(LONG), NOW))
                .isEqualTo(new RefreshRotation.Invalid());
        assertThat(store().findGrantByRefreshToken("rt-x", NOW)).isEmpty();
    }

    /** An expired current token is invalid and nothing changes. */
    @Test
    default void rotateExpiredTokenThenInvalidAndNothingChanges() {
        Instant expiry = NOW.plusSeconds(3600);
        Grant grant = savedGrant("g-r4", "rt-exp", expiry);
        assertThat(store().rotateRefreshToken("rt-exp", "rt-after", NOW.plus(LONG), expiry))
                .isEqualTo(new RefreshRotation.Invalid());
        assertThat(store().findGrantByRefreshToken("rt-after", expiry)).isEmpty();
        assertThat(store().findGrantByRefreshToken("rt-exp", expiry.minusMillis(1)))
                .as("the failed rotation must not have consumed the token").contains(grant);
    }

    /** Past the grant's end its current token is invalid. */
    @Test
    default void rotateWhenGrantPastItsEndThenInvalid() {
        Grant grant = savedGrant("g-r5", "rt-end", NOW.plus(LONG));
        assertThat(store().rotateRefreshToken("rt-end", "rt-end-2", grant.expiresAt().plus(LONG), grant.expiresAt()))
                .isEqualTo(new RefreshRotation.Invalid());
    }

    /** After revocation the current token is invalid, and rotated-away tokens still report reuse. */
    @Test
    default void rotateWhenGrantRevokedThenCurrentInvalidAndOldTokensReused() {
        Grant grant = savedGrant("g-r6", "rt-first", NOW.plus(LONG));
        store().rotateRefreshToken("rt-first", "rt-second", NOW.plus(LONG), NOW);
        store().revokeGrant("g-r6");
        assertThat(store().rotateRefreshToken("rt-second", "rt-third", NOW.plus(LONG), NOW))
                .isEqualTo(new RefreshRotation.Invalid());
        assertThat(store().rotateRefreshToken("rt-first", "rt-fourth", NOW.plus(LONG), NOW))
                .isEqualTo(new RefreshRotation.Reused(grant.asRevoked()));
        assertThat(store().findGrantByRefreshToken("rt-third", NOW)).isEmpty();
        assertThat(store().findGrantByRefreshToken("rt-fourth", NOW)).isEmpty();
    }

    /** The new token lives until its own expiry, not the old token's. */
    @Test
    default void rotatedTokenExpiresAtItsOwnExpiry() {
        Grant grant = savedGrant("g-r7", "rt-short", NOW.plusSeconds(60));
        Instant newExpiry = NOW.plusSeconds(7200);
        store().rotateRefreshToken("rt-short", "rt-long", newExpiry, NOW);
        assertThat(store().findGrantByRefreshToken("rt-long", newExpiry.minusMillis(1))).contains(grant);
        assertThat(store().findGrantByRefreshToken("rt-long", newExpiry)).isEmpty();
        assertThat(store().rotateRefreshToken("rt-long", "rt-next", NOW.plus(LONG), newExpiry.minusMillis(1)))
                .isEqualTo(new RefreshRotation.Rotated(grant));
    }
}
