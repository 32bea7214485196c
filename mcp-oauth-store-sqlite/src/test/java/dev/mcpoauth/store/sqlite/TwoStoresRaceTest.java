package dev.mcpoauth.store.sqlite;

import static dev.mcpoauth.testing.TestValues.LONG;
import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.RefreshSuccessor;
import dev.mcpoauth.testing.TestValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores (two Jdbi instances, two pools, two in-process write locks) on one file: only SQLite's
 * own locking stands between them, as between two processes.
 */
class TwoStoresRaceTest {

    private static final int THREADS = 32;

    @TempDir
    Path dir;

    private SqliteTokenStore first;
    private SqliteTokenStore second;

    @BeforeEach
    void openTwoStores() {
        first = SqliteTokenStore.open(dir.resolve("shared.db"));
        second = SqliteTokenStore.open(dir.resolve("shared.db"));
        first.saveClient(TestValues.publicClient("c"));
    }

    @AfterEach
    void closeStores() {
        first.close();
        second.close();
    }

    @Test
    void redeemWhenTwoStoresRaceThenExactlyOneRedeemed() throws Exception {
        first.saveAuthorizationCode(TestValues.code("shared-code", "c", "g"));
        List<CodeRedemption> results = race(i -> () -> store(i).redeemAuthorizationCode("shared-code", NOW));
        assertThat(results).filteredOn(r -> r instanceof CodeRedemption.Redeemed).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof CodeRedemption.Replayed).hasSize(THREADS - 1);
    }

    @Test
    void rotateWhenTwoStoresRaceThenExactlyOneRotatedAndBothSeeTheWinner() throws Exception {
        second.saveGrant(TestValues.grant("g", "c"), "shared-token", NOW.plus(LONG));
        List<RefreshRotation> results = race(i -> () ->
                store(i).rotateRefreshToken("shared-token", "new-" + i, NOW.plus(LONG), NOW));
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            if (results.get(i) instanceof RefreshRotation.Rotated) {
                winners.add(i);
            }
        }
        assertThat(winners).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof RefreshRotation.Reused).hasSize(THREADS - 1);
        String winner = "new-" + winners.getFirst();
        assertThat(first.findGrantByRefreshToken(winner, NOW)).isPresent();
        assertThat(second.findGrantByRefreshToken(winner, NOW)).isPresent();
    }

    @Test
    void rotateWithGraceWhenTwoStoresRaceThenOneRotatedAndEveryOtherRepeatsTheWinner() throws Exception {
        second.saveGrant(TestValues.grant("g", "c"), "shared-token", NOW.plus(LONG));
        List<RefreshRotation> results = race(i -> () -> store(i).rotateRefreshToken("shared-token",
                RefreshSuccessor.sealed("new-" + i, NOW.plus(LONG), "sealed-new-" + i), NOW, Duration.ofSeconds(60)));
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            if (results.get(i) instanceof RefreshRotation.Rotated) {
                winners.add(i);
            }
        }
        assertThat(winners).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof RefreshRotation.Repeated).hasSize(THREADS - 1)
                .extracting(r -> ((RefreshRotation.Repeated) r).sealedSuccessor())
                .as("every loser, on either store, is handed the winner's successor")
                .containsOnly("sealed-new-" + winners.getFirst());
    }

    private SqliteTokenStore store(int i) {
        return i % 2 == 0 ? first : second;
    }

    private <T> List<T> race(java.util.function.IntFunction<Callable<T>> task) throws Exception {
        CyclicBarrier gate = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<T> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
