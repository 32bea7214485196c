package dev.mcpoauth.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes the gap between a code's redemption and the saving of its grant: a replay that arrives in
 * between revokes a grant that does not exist yet. The replay records the grant id here before it
 * revokes; the first redemption checks here after it saved the grant, and revokes it itself when
 * the replay came first. Either way the grant ends revoked. Within one process; thread safe.
 */
final class ReplayGuard {

    /** Long enough to cover any redemption in flight. */
    private static final Duration KEEP = Duration.ofMinutes(15);

    private final ConcurrentHashMap<String, Instant> replayed = new ConcurrentHashMap<>();

    /** Records that the code of this grant was replayed. */
    public void markReplayed(String grantId, Instant now) {
        replayed.put(grantId, now);
    }

    /** Whether the code of this grant was replayed. */
    public boolean wasReplayed(String grantId) {
        return replayed.containsKey(grantId);
    }

    /** Forgets old records. */
    public void purge(Instant now) {
        replayed.values().removeIf(at -> at.plus(KEEP).isBefore(now));
    }
}
