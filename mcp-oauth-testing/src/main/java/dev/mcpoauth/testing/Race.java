package dev.mcpoauth.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs the same kind of call on many platform threads released at once by a start gate. */
final class Race {

    /** How many threads race in every concurrency test. */
    static final int THREADS = 32;

    private Race() {
    }

    /**
     * Runs {@code task.apply(i)} for i in 0..threads-1, all threads waiting at a barrier first so
     * that the calls really overlap, and returns the results in index order.
     */
    static <T> List<T> run(int threads, IntFunction<Callable<T>> task) throws Exception {
        CyclicBarrier gate = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                // A generous guard against a deadlocked store, not a timing assertion.
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
