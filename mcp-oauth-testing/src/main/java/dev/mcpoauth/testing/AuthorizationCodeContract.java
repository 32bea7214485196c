package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.CodeRedemption;
import org.junit.jupiter.api.Test;

/** The authorization-code part of the contract: redeemed once, replays recognised, expiry honoured. */
public interface AuthorizationCodeContract extends StoreFixture {

    /** The first redemption returns the saved code, equal in every field. */
    @Test
    default void redeemCodeFirstTimeThenRedeemedWithSavedCode() {
        registerClient("code-client");
        AuthorizationCode code = TestValues.code("c-1", "code-client", "g-1");
        store().saveAuthorizationCode(code);
        assertThat(store().redeemAuthorizationCode("c-1", NOW)).isEqualTo(new CodeRedemption.Redeemed(code));
    }

    /** Every later redemption is a replay that carries the same code, so the engine can revoke its grant. */
    @Test
    default void redeemCodeAgainThenReplayedWithSameCode() {
        registerClient("code-client");
        AuthorizationCode code = TestValues.code("c-2", "code-client", "g-2");
        store().saveAuthorizationCode(code);
        store().redeemAuthorizationCode("c-2", NOW);
        assertThat(store().redeemAuthorizationCode("c-2", NOW.plusSeconds(1)))
                .isEqualTo(new CodeRedemption.Replayed(code));
        assertThat(store().redeemAuthorizationCode("c-2", code.expiresAt().minusMillis(1)))
                .isEqualTo(new CodeRedemption.Replayed(code));
    }

    /** An unknown code is not found. */
    @Test
    default void redeemCodeWhenUnknownThenNotFound() {
        assertThat(store().redeemAuthorizationCode("no-such-code", NOW)).isEqualTo(new CodeRedemption.NotFound());
    }

    /** An unused code works until just before its expiry and is not found from its expiry on. */
    @Test
    default void redeemCodeWhenExpiredThenNotFound() {
        registerClient("code-client");
        AuthorizationCode late = TestValues.code("c-late", "code-client", "g-late");
        AuthorizationCode expired = TestValues.code("c-exp", "code-client", "g-exp");
        store().saveAuthorizationCode(late);
        store().saveAuthorizationCode(expired);
        assertThat(store().redeemAuthorizationCode("c-late", late.expiresAt().minusMillis(1)))
                .isEqualTo(new CodeRedemption.Redeemed(late));
        assertThat(store().redeemAuthorizationCode("c-exp", expired.expiresAt()))
                .as("expiresAt is exclusive: at that instant the code is expired")
                .isEqualTo(new CodeRedemption.NotFound());
    }

    /** A redeemed code, once expired, is no longer reported as a replay. */
    @Test
    default void redeemCodeWhenRedeemedAndExpiredThenNotFound() {
        registerClient("code-client");
        AuthorizationCode code = TestValues.code("c-3", "code-client", "g-3");
        store().saveAuthorizationCode(code);
        store().redeemAuthorizationCode("c-3", NOW);
        assertThat(store().redeemAuthorizationCode("c-3", code.expiresAt())).isEqualTo(new CodeRedemption.NotFound());
    }

    /** Hashes are opaque, case-sensitive keys: a store must not match them loosely. */
    @Test
    default void redeemCodeComparesHashesExactly() {
        registerClient("code-client");
        AuthorizationCode code = TestValues.code("AbC-hash", "code-client", "g-case");
        store().saveAuthorizationCode(code);
        assertThat(store().redeemAuthorizationCode("abc-hash", NOW)).isEqualTo(new CodeRedemption.NotFound());
        assertThat(store().redeemAuthorizationCode("AbC-hash ", NOW)).isEqualTo(new CodeRedemption.NotFound());
        assertThat(store().redeemAuthorizationCode("AbC-%", NOW)).isEqualTo(new CodeRedemption.NotFound());
        assertThat(store().redeemAuthorizationCode("AbC-hash", NOW)).isEqualTo(new CodeRedemption.Redeemed(code));
    }
}
