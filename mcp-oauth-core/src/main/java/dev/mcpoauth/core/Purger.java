package dev.mcpoauth.core;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Runs the purge of expired records periodically on a virtual thread, until closed. */
final class Purger implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Purger.class.getName());

    private final Optional<ScheduledExecutorService> executor;

    /**
     * Starts purging.
     *
     * @param purge    the purge; returns how many records it deleted
     * @param interval the delay between purges; zero for none
     */
    Purger(IntSupplier purge, Duration interval) {
        if (interval.isZero()) {
            executor = Optional.empty();
            return;
        }
        ScheduledExecutorService service = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("mcp-oauth-purge").factory());
        long millis = interval.toMillis();
        service.scheduleWithFixedDelay(() -> run(purge), millis, millis, TimeUnit.MILLISECONDS);
        executor = Optional.of(service);
    }

    private static void run(IntSupplier purge) {
        try {
            int deleted = purge.getAsInt();
            LOG.log(System.Logger.Level.DEBUG, "purged {0} expired records", deleted);
        } catch (RuntimeException e) {
            // A thrown exception would cancel every later run: log and try again next time.
            LOG.log(System.Logger.Level.WARNING, "purging expired records failed", e);
        }
    }

    @Override
    public void close() {
        executor.ifPresent(ScheduledExecutorService::shutdownNow);
    }
}
