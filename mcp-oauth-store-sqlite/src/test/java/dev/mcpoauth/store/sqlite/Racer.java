package dev.mcpoauth.store.sqlite;

import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.RefreshSuccessor;
import dev.mcpoauth.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One JVM's side of {@link CrossProcessRaceTest}: for each round {@code k}, a fixed set of threads
 * parks at a start gate, then each tries to redeem code {@code k} and rotate refresh token
 * {@code k} within the reuse grace (half of them in the other order). The same class runs in both JVMs; it uses only
 * the API and this module, so that the child JVM runs on the plain module graph of the store.
 */
final class Racer implements AutoCloseable {

    /** The race's "current time", the same in both JVMs. */
    static final Instant NOW = Instant.parse("2026-11-05T10:15:30.123Z");

    /** How long rotated-to refresh tokens live. */
    static final Duration LONG = Duration.ofDays(30);

    /** The reuse grace every rotation of the race runs with, so that losers repeat the winner's rotation. */
    static final Duration GRACE = Duration.ofSeconds(60);

    /**
     * What this JVM's threads won in one round, and the distinct sealed successors its losers were
     * handed (all of them must be the winner's, whichever JVM won).
     */
    record Result(int redeemed, List<String> rotatedTo, List<String> errors, Set<String> repeatedSealed) {

        /** One line, for the child to print: {@code redeemed rotatedTo|- errors repeatedSealed|-}. */
        String encode() {
            return redeemed + " " + join(rotatedTo) + " " + errors.size() + " " + join(repeatedSealed);
        }

        static Result decode(String line) {
            String[] parts = line.split(" ");
            return new Result(Integer.parseInt(parts[0]), split(parts[1]),
                    Integer.parseInt(parts[2]) == 0 ? List.of() : List.of(parts[2] + " errors in the child"),
                    Set.copyOf(split(parts[3])));
        }

        private static String join(java.util.Collection<String> values) {
            return values.isEmpty() ? "-" : String.join(",", values);
        }

        private static List<String> split(String joined) {
            return joined.equals("-") ? List.of() : List.of(joined.split(","));
        }
    }

    /** What a rotation to {@code newHash} seals: the token itself is never seen by a store. */
    static String sealedFor(String newHash) {
        return "sealed-" + newHash;
    }

    /** A round whose threads are parked at the gate. */
    final class Round {
        private final CountDownLatch go = new CountDownLatch(1);
        private final List<Future<?>> futures = new ArrayList<>();
        private final AtomicInteger redeemed = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> rotatedTo = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        private final Set<String> repeatedSealed = ConcurrentHashMap.newKeySet();

        /** Opens the gate. */
        void release() {
            go.countDown();
        }

        /** Waits for the round's threads and returns what they won. */
        Result finish() throws Exception {
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
            return new Result(redeemed.get(), List.copyOf(rotatedTo), List.copyOf(errors), Set.copyOf(repeatedSealed));
        }
    }

    /** The hash of round {@code k}'s code. */
    static String code(int k) {
        return "code-" + k;
    }

    /** The hash of round {@code k}'s first refresh token. */
    static String token(int k) {
        return "token-" + k;
    }

    private final TokenStore store;
    private final String prefix;
    private final int threads;
    private final ExecutorService pool;

    Racer(TokenStore store, String prefix, int threads) {
        this.store = store;
        this.prefix = prefix;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Starts round {@code k}'s threads and returns once all of them wait at the gate. */
    Round prepare(int k) throws InterruptedException {
        Round round = new Round();
        CountDownLatch parked = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            String newHash = prefix + i + "-" + k;
            boolean redeemFirst = i % 2 == 0;
            round.futures.add(pool.submit(() -> {
                try {
                    parked.countDown();
                    round.go.await();
                    if (redeemFirst) {
                        redeem(round, k);
                        rotate(round, k, newHash);
                    } else {
                        rotate(round, k, newHash);
                        redeem(round, k);
                    }
                } catch (Exception | Error e) {
                    round.errors.add(e.toString());
                }
            }));
        }
        parked.await();
        return round;
    }

    private void redeem(Round round, int k) {
        CodeRedemption result = store.redeemAuthorizationCode(code(k), NOW);
        if (result instanceof CodeRedemption.Redeemed) {
            round.redeemed.incrementAndGet();
        } else if (!(result instanceof CodeRedemption.Replayed)) {
            round.errors.add("round " + k + ": unexpected " + result);
        }
    }

    private void rotate(Round round, int k, String newHash) {
        RefreshRotation result = store.rotateRefreshToken(token(k),
                RefreshSuccessor.sealed(newHash, NOW.plus(LONG), sealedFor(newHash)), NOW, GRACE);
        switch (result) {
            case RefreshRotation.Rotated r -> round.rotatedTo.add(newHash);
            case RefreshRotation.Repeated r -> round.repeatedSealed.add(r.sealedSuccessor());
            default -> round.errors.add("round " + k + ": unexpected " + result);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
