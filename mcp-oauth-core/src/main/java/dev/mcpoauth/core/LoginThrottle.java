package dev.mcpoauth.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username and per client address and locks a key with a growing delay
 * once its free failures are spent (see {@link LoginThrottling}).
 *
 * <p>Addresses are counted as the transport gives them, IPv6 ones per /64 (full, uncompressed form,
 * as {@link java.net.InetAddress#getHostAddress()} writes it).
 *
 * <p>An attempt refused because its key is locked is not counted: otherwise anyone could keep a
 * victim's username locked for ever by retrying during the lock. In this process only; thread safe;
 * memory is bounded by {@link #MAX_KEYS} per kind and by {@link #purge}.
 */
final class LoginThrottle {

    /** The most keys of one kind remembered; beyond it new keys are not tracked until a purge frees room. */
    static final int MAX_KEYS = 100_000;

    /** The failures of one key: how many since it was last forgiven, when the last one was, and the lock. */
    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final LoginThrottling settings;
    private final ConcurrentHashMap<String, Failures> usernames = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Failures> addresses = new ConcurrentHashMap<>();

    /** Creates a throttle with the given settings. */
    public LoginThrottle(LoginThrottling settings) {
        this.settings = settings;
    }

    /**
     * How long an attempt for this username from this address must wait.
     *
     * @param username the submitted username
     * @param address  the client's address; empty text when unknown
     * @param now      the current time
     * @return the remaining lock, or empty when the attempt may proceed
     */
    public Optional<Duration> waitFor(String username, String address, Instant now) {
        Instant until = later(lockedUntil(usernames, key(username)), lockedUntil(addresses, addressKey(address)));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Counts a failed attempt against the username and the address. */
    public void recordFailure(String username, String address, Instant now) {
        if (!key(username).isEmpty()) {
            count(usernames, key(username), settings.freeFailuresPerUsername(), now);
        }
        if (!address.isEmpty()) {
            count(addresses, addressKey(address), settings.freeFailuresPerAddress(), now);
        }
    }

    /** Forgets the failures of a username after it logged in; the address keeps its count. */
    public void recordSuccess(String username) {
        usernames.remove(key(username));
    }

    /** Drops keys whose failures are forgotten and whose lock has ended. */
    public void purge(Instant now) {
        usernames.values().removeIf(f -> forgotten(f, now));
        addresses.values().removeIf(f -> forgotten(f, now));
    }

    private void count(ConcurrentHashMap<String, Failures> map, String key, int free, Instant now) {
        if (settings.isOff() || map.size() >= MAX_KEYS && !map.containsKey(key)) {
            return;
        }
        map.compute(key, (k, f) -> {
            int count = f == null || forgotten(f, now) ? 1 : f.count() + 1;
            Instant lock = count > free ? now.plus(delay(count - free)) : now;
            return new Failures(count, now, lock);
        });
    }

    /** The lock after the {@code n}-th failure beyond the free ones: initial, doubled each time, capped. */
    private Duration delay(int n) {
        Duration delay = settings.initialDelay();
        for (int i = 1; i < n && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private boolean forgotten(Failures f, Instant now) {
        return !now.isBefore(f.last().plus(settings.forgetAfter())) && !now.isBefore(f.lockedUntil());
    }

    private static Instant lockedUntil(ConcurrentHashMap<String, Failures> map, String key) {
        Failures f = key.isEmpty() ? null : map.get(key);
        return f == null ? Instant.MIN : f.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** An IPv6 address counts by its /64, the block one subscriber usually holds; anything else as it is. */
    static String addressKey(String address) {
        String[] groups = address.split(":", -1);
        return groups.length == 8 ? String.join(":", groups[0], groups[1], groups[2], groups[3]).toLowerCase(Locale.ROOT)
                + "::/64" : address;
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
