package dev.mcpoauth.store.sqlite.internal;

import dev.mcpoauth.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The store's writer: one platform thread runs every write of this process, and the writes that queue
 * while one transaction commits run together in the next one (group commit), so that N waiting
 * writers pay for one commit (one fsync under {@code synchronous=FULL}) instead of N. Nobody's result
 * is given out before its transaction has committed.
 *
 * <p>Why a thread of its own: SQLite runs inside JNI calls, and a virtual thread in a native call
 * keeps its carrier. On a one-CPU machine the JVM has one carrier, so a request thread waiting for
 * SQLite's fsync stopped every other request (refresh grants: batches of one, the core 13 % idle).
 * Callers wait here parked, which frees their carrier.
 *
 * <p>A write still queued after the busy timeout is withdrawn and never runs; one the writer has taken
 * is waited for. Closing stops the writer after the batch it is running and fails what is queued.
 */
final class GroupCommit implements AutoCloseable {

    /** The most operations in one transaction: bounds how long one commit keeps the others waiting. */
    static final int MAX_BATCH = 64;

    private static final System.Logger LOG = System.getLogger("dev.mcpoauth.store.sqlite");
    /** Queued by {@link #close()} to wake the writer; never run. */
    private static final PendingWrite<Void> WAKE = new PendingWrite<>("stop the writer", h -> null);

    private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
    private final Duration busyTimeout;
    private final Consumer<List<PendingWrite<?>>> runner;
    private final AtomicLong batches = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    /**
     * Starts the writer thread.
     *
     * @param busyTimeout how long a write waits for its turn
     * @param runner      runs a batch in one transaction and completes each of its operations
     */
    GroupCommit(Duration busyTimeout, Consumer<List<PendingWrite<?>>> runner) {
        this.busyTimeout = busyTimeout;
        this.runner = runner;
        this.writer = Thread.ofPlatform().name("mcp-oauth-sqlite-writer").daemon().start(this::writeLoop);
    }

    /** Runs the operation on the writer, alone or with others queued beside it, and returns its result. */
    <T> T run(PendingWrite<T> write) {
        queue.add(write);
        if (closed) {
            // close() may have drained the queue before this write arrived.
            return withdrawOrWait(write, "the store is closed");
        }
        try {
            if (!write.awaitDone(busyTimeout)) {
                return withdrawOrWait(write, "still busy after " + busyTimeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return withdrawOrWait(write, "interrupted");
        }
        return write.outcome();
    }

    private <T> T withdrawOrWait(PendingWrite<T> write, String why) {
        if (queue.remove(write)) {
            throw new StorageException("SQLite token store could not " + write.what() + ": " + why);
        }
        return write.outcome();
    }

    private void writeLoop() {
        List<PendingWrite<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(write -> write == WAKE);
                if (!closed && !batch.isEmpty()) {
                    runBatch(batch);
                }
            } catch (InterruptedException e) {
                // Nobody interrupts the writer but the JVM at exit; closing wakes it with WAKE.
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // The writer must outlive any one batch, or every later write would wait in vain.
                LOG.log(System.Logger.Level.ERROR, "SQLite token store: a write batch failed unexpectedly", e);
            } finally {
                // Writes taken but not run because the store closed meanwhile; fail() spares the done ones.
                batch.forEach(write -> write.fail(closedFailure(write)));
                batch.clear();
            }
        }
    }

    private void runBatch(List<PendingWrite<?>> batch) {
        // Counted before any of its writes completes, so whoever sees a write done sees its batch counted.
        batches.incrementAndGet();
        try {
            runner.accept(batch);
        } finally {
            // The runner completes each operation; should it fail to (an Error), none may wait forever.
            for (PendingWrite<?> w : batch) {
                w.fail(new StorageException("SQLite token store could not " + w.what()
                        + ": its transaction was abandoned"));
            }
        }
    }

    /** How many operations wait for the writer. */
    int queued() {
        return queue.size();
    }

    /** How many batches (transactions) have started. */
    long batches() {
        return batches.get();
    }

    /**
     * Stops the writer once its current batch is done (waiting up to the busy timeout for it) and
     * fails the writes still queued. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        queue.add(WAKE);
        try {
            writer.join(busyTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PendingWrite<?> left;
        while ((left = queue.poll()) != null) {
            left.fail(closedFailure(left));
        }
    }

    private static StorageException closedFailure(PendingWrite<?> write) {
        return new StorageException("SQLite token store could not " + write.what() + ": the store is closed");
    }
}
