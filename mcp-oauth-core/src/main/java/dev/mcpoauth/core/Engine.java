package dev.mcpoauth.core;

import dev.mcpoauth.TokenStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every grant handler shares: the configuration, the store, the clock and the server's name.
 *
 * @param config          the server configuration
 * @param store           where everything is remembered
 * @param clock           the only clock the engine reads
 * @param appName         the server's name, shown on the login page and in resource metadata
 * @param revocationEpoch counts the revocations made by this process; an access token found active
 *                        before the last one is checked in the store again ({@link AccessTokenVerifier})
 */
record Engine(ServerConfig config, TokenStore store, Clock clock, String appName, AtomicLong revocationEpoch) {

    /** Checks the values are present. */
    public Engine {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(revocationEpoch, "revocationEpoch");
    }

    /** An engine that has revoked nothing yet. */
    public Engine(ServerConfig config, TokenStore store, Clock clock, String appName) {
        this(config, store, clock, appName, new AtomicLong());
    }

    /** The current time, truncated to whole seconds so that stored times and JWT times agree. */
    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * Revokes a grant ({@link TokenStore#revokeGrant}); every way this process revokes goes through
     * here or {@link #revokeAccessToken}, so that remembered "active" answers are dropped at once.
     *
     * @return whether an active grant was revoked by this call
     */
    public boolean revokeGrant(String grantId) {
        boolean revoked = store.revokeGrant(grantId);
        revocationEpoch.incrementAndGet();
        return revoked;
    }

    /** Revokes one access token ({@link TokenStore#revokeAccessToken}); see {@link #revokeGrant}. */
    public void revokeAccessToken(String tokenId, Instant expiresAt) {
        store.revokeAccessToken(tokenId, expiresAt);
        revocationEpoch.incrementAndGet();
    }
}
