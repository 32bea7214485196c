package dev.mcpoauth.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing at the login page: after {@value #MAX_FAILURES} failed attempts for one
 * username within {@link #WINDOW}, further attempts for it are refused until the window ends.
 *
 * <p>Counted per username (case-insensitively), in this process only. The price is that someone can
 * keep a known username locked; the alternative, unlimited guessing, is the original's defect.
 * Thread safe; bounded in memory by {@link #purge}.
 */
public final class LoginThrottle {

    /** Failed attempts allowed per username and window. */
    static final int MAX_FAILURES = 10;
    /** How long failures are remembered. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    private record Window(Instant start, int failures) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /** Whether attempts for this username are refused at {@code now}. */
    public boolean isThrottled(String username, Instant now) {
        Window window = windows.get(key(username));
        return window != null && window.failures() >= MAX_FAILURES && now.isBefore(window.start().plus(WINDOW));
    }

    /** Counts a failed attempt. */
    public void recordFailure(String username, Instant now) {
        windows.compute(key(username), (k, w) -> w == null || !now.isBefore(w.start().plus(WINDOW))
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    /** Forgets the failures of a username after it logged in. */
    public void recordSuccess(String username) {
        windows.remove(key(username));
    }

    /** Drops windows that have ended. */
    public void purge(Instant now) {
        windows.values().removeIf(w -> !now.isBefore(w.start().plus(WINDOW)));
    }

    private static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
