package dev.mcpoauth.store.sqlite.internal;

import dev.mcpoauth.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit for this process's writes: the operations that queue while one transaction commits run
 * together in the next one, so that N waiting writers pay for one commit (one fsync under
 * {@code synchronous=FULL}) instead of N, and nobody's result is given out before it is durable.
 *
 * <p>A writer queues its operation and takes the fair write lock; the holder leads: it drains the
 * queue (at most {@link #MAX_BATCH} at a time) and hands each batch to the runner, which runs it in
 * one transaction and completes every operation in it, until its own operation is done. A writer that
 * gets the lock to find its operation already done by an earlier leader leaves at once. A writer
 * still queued after the busy timeout withdraws its operation, which then never runs; one whose
 * operation a leader has taken waits for that batch's outcome.
 */
final class GroupCommit {

    /** The most operations in one transaction: bounds how long one commit keeps the others waiting. */
    static final int MAX_BATCH = 64;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Queue<PendingWrite<?>> queue = new ConcurrentLinkedQueue<>();
    private final Duration busyTimeout;
    private final Consumer<List<PendingWrite<?>>> runner;
    private final AtomicLong batches = new AtomicLong();

    /**
     * @param busyTimeout how long a writer waits for its turn
     * @param runner      runs a batch in one transaction and completes each of its operations
     */
    GroupCommit(Duration busyTimeout, Consumer<List<PendingWrite<?>>> runner) {
        this.busyTimeout = busyTimeout;
        this.runner = runner;
    }

    /** Runs the operation, alone or with others queued beside it, and returns its result. */
    <T> T run(PendingWrite<T> write) {
        queue.add(write);
        boolean locked;
        try {
            locked = lock.tryLock(busyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return withdrawOrWait(write, "interrupted");
        }
        if (!locked) {
            return withdrawOrWait(write, "still busy after " + busyTimeout.toMillis() + " ms");
        }
        try {
            while (!write.isDone()) {
                runBatch(drain());
            }
        } finally {
            lock.unlock();
        }
        return write.outcome();
    }

    private void runBatch(List<PendingWrite<?>> batch) {
        try {
            runner.accept(batch);
        } finally {
            batches.incrementAndGet();
            // The runner completes each operation; should it fail to (an Error), none may wait forever.
            for (PendingWrite<?> w : batch) {
                w.fail(new StorageException("SQLite token store could not " + w.what()
                        + ": its transaction was abandoned"));
            }
        }
    }

    private <T> T withdrawOrWait(PendingWrite<T> write, String why) {
        if (queue.remove(write)) {
            throw new StorageException("SQLite token store could not " + write.what() + ": " + why);
        }
        return write.outcome();
    }

    private List<PendingWrite<?>> drain() {
        List<PendingWrite<?>> batch = new ArrayList<>();
        PendingWrite<?> next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    /** How many operations wait for a leader. */
    int queued() {
        return queue.size();
    }

    /** How many batches (transactions) have run. */
    long batches() {
        return batches.get();
    }
}
