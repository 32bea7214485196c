package dev.mcpoauth.store.sqlite.internal;

import dev.mcpoauth.StorageException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * One store operation that writes, waiting for its turn in a {@link GroupCommit} batch. Its work
 * runs on the writer thread; its result is staged there and given to its caller only once the
 * batch's transaction has committed.
 *
 * @param <T> the operation's result
 */
final class PendingWrite<T> {

    private final String what;
    private final Function<Handle, T> work;
    private final CountDownLatch done = new CountDownLatch(1);
    private T staged;
    private volatile T result;
    private volatile StorageException failure;

    PendingWrite(String what, Function<Handle, T> work) {
        this.what = what;
        this.work = work;
    }

    /** What the operation does, for error messages: "save a client". */
    String what() {
        return what;
    }

    /** Runs the work inside the batch's transaction, keeping its result until the commit. */
    void stage(Handle h) {
        staged = work.apply(h);
    }

    /** The transaction committed: the staged result is the operation's. */
    synchronized void committed() {
        if (done.getCount() > 0) {
            result = staged;
            done.countDown();
        }
    }

    /** The operation failed (its own failure or its batch's); a completed operation stays as it was. */
    synchronized void fail(StorageException e) {
        if (done.getCount() > 0) {
            failure = e;
            done.countDown();
        }
    }

    /** Waits up to the timeout for the outcome; whether it came. */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits, without giving up on an interrupt, for the batch that took this operation. */
    T outcome() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            // Thrown anew, so that the trace shows this caller rather than the batch's leader.
            throw new StorageException(failure.getMessage(), failure.getCause());
        }
        return result;
    }
}
