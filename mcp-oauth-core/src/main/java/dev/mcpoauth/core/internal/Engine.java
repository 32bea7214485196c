package dev.mcpoauth.core.internal;

import dev.mcpoauth.TokenStore;
import dev.mcpoauth.core.ServerConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * What every grant handler shares: the configuration, the store, the clock and the server's name.
 *
 * @param config  the server configuration
 * @param store   where everything is remembered
 * @param clock   the only clock the engine reads
 * @param appName the server's name, shown on the login page and in resource metadata
 */
public record Engine(ServerConfig config, TokenStore store, Clock clock, String appName) {

    /** Checks the values are present. */
    public Engine {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(appName, "appName");
    }

    /** The current time, truncated to whole seconds so that stored times and JWT times agree. */
    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
