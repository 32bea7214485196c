package dev.mcpoauth.helidon.mcp;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive comments on the SSE answers of POST requests, from one timer per endpoint.
 *
 * <p>Most answers are written within microseconds, so a timer entry that is cancelled at once costs
 * far less than a thread per POST (measured: under load on one core, thousands of parked keep-alive
 * threads held their requests' memory until full GCs followed one another). When an entry fires,
 * the comment is written on a new virtual thread, so a client that stopped reading holds up only its
 * own stream, never the timer. Thread safe.
 */
final class KeepAlives implements AutoCloseable {

    /** Stops the keep-alive of one stream; idempotent, never throws. */
    interface Ticket extends AutoCloseable {
        @Override
        void close();
    }

    private static final Ticket NONE = () -> { };

    private final long intervalNanos;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadFactory writers = Thread.ofVirtual().name("mcp-sse-keepalive").factory();

    /** @param interval time between comments; {@link Duration#ZERO} for none */
    KeepAlives(Duration interval) {
        this.intervalNanos = interval.toNanos();
        if (interval.isZero()) {
            this.timer = null;
        } else {
            this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon()
                    .name("mcp-sse-keepalive-timer").factory());
            // Cancelled entries leave the queue at once: nearly every entry is cancelled long before it fires.
            timer.setRemoveOnCancelPolicy(true);
        }
    }

    /** Writes a comment on {@code stream} every interval until the returned ticket is closed. */
    Ticket start(SseStream stream) {
        if (timer == null) {
            return NONE;
        }
        ScheduledFuture<?> entry;
        try {
            entry = timer.scheduleWithFixedDelay(() -> writers.newThread(() -> stream.comment("keep-alive")).start(),
                    intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return NONE; // the endpoint is closing
        }
        return () -> entry.cancel(false);
    }

    /** Stops the timer; streams still open get no more comments. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
