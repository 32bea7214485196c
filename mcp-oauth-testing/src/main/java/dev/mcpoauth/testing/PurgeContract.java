package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.LONG;
import static dev.mcpoauth.testing.TestValues.NOW;
import static dev.mcpoauth.testing.TestValues.SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.Grant;
import dev.mcpoauth.PendingAuthorization;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.SigningKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The housekeeping part of the contract: {@code purgeExpired} deletes what has expired and nothing
 * else. Its count has one record per pending request, code, grant, refresh token (current or
 * rotated away), access-token revocation and signing key deleted.
 */
public interface PurgeContract extends StoreFixture {

    /** When nothing has expired, nothing is deleted. */
    @Test
    default void purgeExpiredWhenNothingExpiredThenZeroAndEverythingStays() {
        String client = registerClient("purge-client");
        store().savePendingAuthorization(TestValues.pending("p", client));
        store().saveAuthorizationCode(TestValues.code("c", client, "g-c"));
        store().saveGrant(TestValues.grant("g", client), "rt", NOW.plus(LONG));
        store().revokeAccessToken("jti", NOW.plusSeconds(60));
        store().saveSigningKey(TestValues.signingKey("k", NOW));
        assertThat(store().purgeExpired(NOW)).isZero();
        assertThat(store().findClient(client)).isPresent();
        assertThat(store().findPendingAuthorization("p", NOW)).isPresent();
        assertThat(store().findGrantByRefreshToken("rt", NOW)).isPresent();
        assertThat(store().isAccessTokenRevoked("jti")).isTrue();
        assertThat(store().signingKeys(NOW)).hasSize(1);
        assertThat(store().redeemAuthorizationCode("c", NOW)).isInstanceOf(CodeRedemption.Redeemed.class);
    }

    /** Expired requests, codes (used or not), revocations and keys go; live ones stay readable. */
    @Test
    default void purgeExpiredDeletesExpiredRequestsCodesRevocationsAndKeysOnly() {
        String client = registerClient("purge-client");
        Instant later = NOW.plus(SHORT).plusSeconds(1);
        PendingAuthorization livePending = withLongerLife("p-live", TestValues.pending("p-live", client));
        store().savePendingAuthorization(TestValues.pending("p-dead", client));
        store().savePendingAuthorization(livePending);
        store().saveAuthorizationCode(TestValues.code("c-dead", client, "g-1"));
        store().saveAuthorizationCode(TestValues.code("c-used-dead", client, "g-2"));
        store().redeemAuthorizationCode("c-used-dead", NOW);
        AuthorizationCode liveCode = new AuthorizationCode("c-live", "g-3", client, "https://x.test/cb", true,
                "challenge", TestValues.scopes(), TestValues.RESOURCE, "user", NOW, later.plus(SHORT));
        store().saveAuthorizationCode(liveCode);
        store().revokeAccessToken("jti-dead", NOW.plusSeconds(1));
        store().revokeAccessToken("jti-live", later.plusSeconds(60));
        SigningKey deadKey = TestValues.signingKey("k-dead", NOW.minus(Duration.ofDays(3)));
        SigningKey liveKey = TestValues.signingKey("k-live", NOW);
        store().saveSigningKey(deadKey);
        store().saveSigningKey(liveKey);

        assertThat(store().purgeExpired(later)).as("2 codes + 1 request + 1 revocation + 1 key").isEqualTo(5);
        assertThat(store().purgeExpired(later)).as("a second purge finds nothing left").isZero();

        assertThat(store().findPendingAuthorization("p-live", later)).contains(livePending);
        assertThat(store().isAccessTokenRevoked("jti-live")).isTrue();
        assertThat(store().isAccessTokenRevoked("jti-dead")).isFalse();
        assertThat(store().signingKeys(later)).containsExactly(liveKey);
        assertThat(store().redeemAuthorizationCode("c-live", later)).isEqualTo(new CodeRedemption.Redeemed(liveCode));
        assertThat(store().redeemAuthorizationCode("c-used-dead", NOW))
                .as("a purged code is gone even when asked about at an earlier time").isInstanceOf(CodeRedemption.NotFound.class);
    }

    private PendingAuthorization withLongerLife(String idHash, PendingAuthorization p) {
        return new PendingAuthorization(idHash, p.clientId(), p.redirectUri(), p.redirectUriExplicit(),
                p.clientState(), p.codeChallenge(), p.scopes(), p.resource(), p.createdAt(),
                p.expiresAt().plus(Duration.ofHours(1)));
    }

    /** A grant past its end goes with its refresh token; a live grant of the same client stays. */
    @Test
    default void purgeExpiredDeletesGrantsPastTheirEndWithTheirTokens() {
        String client = registerClient("purge-client");
        Grant dead = new Grant("g-dead", client, "u", TestValues.scopes(), TestValues.RESOURCE, NOW,
                NOW.plusSeconds(60), false);
        Grant live = TestValues.grant("g-live", client);
        store().saveGrant(dead, "rt-dead", NOW.plusSeconds(60));
        store().saveGrant(live, "rt-live", NOW.plus(LONG));
        Instant later = NOW.plusSeconds(120);
        assertThat(store().purgeExpired(later)).as("1 grant + its 1 refresh token").isEqualTo(2);
        assertThat(store().findGrant("g-dead")).isEmpty();
        assertThat(store().findGrant("g-live")).contains(live);
        assertThat(store().rotateRefreshToken("rt-live", "rt-live-2", NOW.plus(LONG), later))
                .isEqualTo(new RefreshRotation.Rotated(live));
    }

    /** Rotated-away tokens past their expiry go; the grant and its current token stay. */
    @Test
    default void purgeExpiredDeletesExpiredRotatedAwayTokensAndKeepsTheGrant() {
        Grant grant = TestValues.grant("g-rot", registerClient("purge-client"));
        store().saveGrant(grant, "rt-1", NOW.plusSeconds(60));
        store().rotateRefreshToken("rt-1", "rt-2", NOW.plus(LONG), NOW);
        Instant later = NOW.plusSeconds(120);
        assertThat(store().purgeExpired(later)).as("only the expired, rotated-away rt-1").isEqualTo(1);
        assertThat(store().findGrant("g-rot")).contains(grant);
        assertThat(store().rotateRefreshToken("rt-2", "rt-3", NOW.plus(LONG), later))
                .isEqualTo(new RefreshRotation.Rotated(grant));
    }

    /** Revoked grants are purged at their end like any other, not before. */
    @Test
    default void purgeExpiredKeepsRevokedGrantsUntilTheirEnd() {
        Grant grant = TestValues.grant("g-rev", registerClient("purge-client"));
        store().saveGrant(grant, "rt", NOW.plus(LONG));
        store().revokeGrant("g-rev");
        assertThat(store().purgeExpired(NOW.plusSeconds(1))).isZero();
        assertThat(store().findGrant("g-rev")).contains(grant.asRevoked());
        assertThat(store().purgeExpired(grant.expiresAt())).isEqualTo(2);
        assertThat(store().findGrant("g-rev")).isEmpty();
    }
}
