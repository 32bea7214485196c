package dev.mcpoauth.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the login step slows down password guessing: failed attempts are counted per username
 * (case-insensitively) and per client address; after the free failures of a key, each further
 * failure locks that key for a delay that doubles from {@code initialDelay} up to {@code maxDelay}.
 * An attempt for a locked username or from a locked address is refused without asking the
 * {@link dev.mcpoauth.UserChecker}, with a {@link dev.mcpoauth.LoginException.Reason#THROTTLED}
 * failure that says how long to wait (the default login page answers 429 with {@code Retry-After}).
 *
 * <p>A key's failures are forgotten {@code forgetAfter} after its last failure; a successful login
 * forgets the username's failures but not the address's, so that an attacker holding one account
 * cannot reset the counter of the address it guesses from. The address allowance is larger because
 * many people may share one address (an office behind NAT).
 *
 * <p>Counters live in the memory of each process: behind a load balancer each instance counts the
 * attempts it sees.
 *
 * @param freeFailuresPerUsername failures a username may have before it is locked; at least 1
 * @param freeFailuresPerAddress  failures an address may have before it is locked; at least 1
 * @param initialDelay            the first lock; at least one second
 * @param maxDelay                the longest lock; not shorter than {@code initialDelay}
 * @param forgetAfter             how long after its last failure a key starts afresh; positive
 */
public record LoginThrottling(int freeFailuresPerUsername,
                              int freeFailuresPerAddress,
                              Duration initialDelay,
                              Duration maxDelay,
                              Duration forgetAfter) {

    /** Validates the values. */
    public LoginThrottling {
        if (freeFailuresPerUsername < 1 || freeFailuresPerAddress < 1) {
            throw new IllegalArgumentException("free failures must be at least 1, but are " + freeFailuresPerUsername
                    + " per username and " + freeFailuresPerAddress + " per address");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (initialDelay.compareTo(Duration.ofSeconds(1)) < 0 || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("initialDelay must be at least 1 second and maxDelay at least "
                    + "initialDelay, but they are " + initialDelay + " and " + maxDelay);
        }
        if (forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("forgetAfter must be positive, but is " + forgetAfter);
        }
    }

    /**
     * The defaults: 5 free failures per username, 20 per address, then locks of 1 s, 2 s, 4 s ... up
     * to 15 minutes; failures forgotten 15 minutes after the last one.
     */
    public static LoginThrottling defaults() {
        return new LoginThrottling(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    /** No throttling at all; only for tests and for deployments that throttle in front of the server. */
    public static LoginThrottling off() {
        return new LoginThrottling(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    /** Whether this throttling never locks anything. */
    public boolean isOff() {
        return freeFailuresPerUsername == Integer.MAX_VALUE && freeFailuresPerAddress == Integer.MAX_VALUE;
    }
}
