package dev.mcpoauth.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpoauth.StorageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes queued behind a running transaction share the next one, on a real SQLite file. A first
 * write holds the writer thread until the test has queued the others, so each batch's content is known.
 */
class GroupCommitTest {

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch leaderRunning = new CountDownLatch(1);
    private final CountDownLatch releaseLeader = new CountDownLatch(1);
    private Database db;
    private volatile Thread writerThread;

    @BeforeEach
    void open() {
        db = open(Duration.ofSeconds(5));
    }

    private Database open(Duration busyTimeout) {
        Database database = Database.open(dir.resolve("group.db"), busyTimeout, 4, true);
        database.update("create the test tables", h -> {
            h.execute("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY)");
            h.execute("CREATE TABLE IF NOT EXISTS child (k TEXT PRIMARY KEY, parent TEXT REFERENCES t (k))");
        });
        return database;
    }

    @AfterEach
    void close() {
        releaseLeader.countDown();
        threads.close();
        db.close();
    }

    @Test
    void writesQueuedBehindATransactionThenTheNextOneCommitsThemAll() throws Exception {
        Future<Void> leader = startLeader();
        assertThat(writerThread.isVirtual()).as("SQLite's native calls run on a platform thread").isFalse();
        assertThat(writerThread.getName()).isEqualTo("mcp-oauth-sqlite-writer");
        List<Future<Void>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(queue(db, "k" + i, h -> { }));
        }
        long before = db.commits().batches();
        releaseLeader.countDown();
        leader.get(10, TimeUnit.SECONDS);
        for (Future<Void> write : queued) {
            write.get(10, TimeUnit.SECONDS);
        }
        assertThat(db.commits().batches() - before).as("after the leader's transaction (counted when it began), "
                + "one for the ten").isEqualTo(1);
        assertThat(keys()).containsExactly("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "leader");
    }

    @Test
    void oneWriteOfABatchFailsThenOnlyItsChangesAreUndone() throws Exception {
        Future<Void> leader = startLeader();
        Future<Void> first = queue(db, "a", h -> { });
        Future<Void> throwing = queue(db, "b", h -> {
            throw new IllegalStateException("the work failed after writing");
        });
        Future<Void> duplicate = queue(db, "a", h -> { });
        Future<Void> last = queue(db, "c", h -> { });
        releaseLeader.countDown();
        leader.get(10, TimeUnit.SECONDS);
        first.get(10, TimeUnit.SECONDS);
        last.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> throwing.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(StorageException.class)
                .hasMessage("SQLite token store could not insert b: the work failed after writing");
        assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(StorageException.class)
                .hasMessageContaining("could not insert a").hasMessageContaining("UNIQUE constraint failed");
        assertThat(keys()).containsExactly("a", "c", "leader");
    }

    @Test
    void theSharedCommitFailsThenEveryWriteOfTheBatchFailsAndNoneIsStored() throws Exception {
        Future<Void> leader = startLeader();
        Future<Void> innocent = queue(db, "x", h -> { });
        Future<Void> dangling = queue(db, "y", h -> {
            // A deferred foreign key is checked at COMMIT, which therefore fails.
            h.execute("PRAGMA defer_foreign_keys = ON");
            h.execute("INSERT INTO child (k, parent) VALUES ('orphan', 'nobody')");
        });
        releaseLeader.countDown();
        leader.get(10, TimeUnit.SECONDS);
        for (Future<Void> write : List.of(innocent, dangling)) {
            assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(StorageException.class)
                    .hasMessageContaining("FOREIGN KEY constraint failed");
        }
        assertThat(keys()).containsExactly("leader");
        queue(db, "after", h -> { }).get(10, TimeUnit.SECONDS);
        assertThat(keys()).containsExactly("after", "leader");
    }

    @Test
    void stillQueuedAfterTheBusyTimeoutThenWithdrawnAndNeverRun() throws Exception {
        db.close();
        db = open(Duration.ofMillis(300));
        Future<Void> leader = startLeader();
        Future<Void> late = queue(db, "late", h -> { });
        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(StorageException.class)
                .hasMessage("SQLite token store could not insert late: still busy after 300 ms");
        assertThat(db.commits().queued()).isZero();
        releaseLeader.countDown();
        leader.get(10, TimeUnit.SECONDS);
        assertThat(keys()).containsExactly("leader");
    }

    @Test
    void closedWhileWritesWaitThenTheRunningBatchFinishesAndTheWaitingOnesFail() throws Exception {
        Future<Void> leader = startLeader();
        Future<Void> waiting = queue(db, "w", h -> { });
        Future<?> closing = threads.submit(db::close);
        Thread.sleep(100);
        releaseLeader.countDown();
        closing.get(10, TimeUnit.SECONDS);
        leader.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(StorageException.class)
                .hasMessage("SQLite token store could not insert w: the store is closed");
        db = open(Duration.ofSeconds(5));
        assertThat(keys()).containsExactly("leader");
    }

    /** Starts a write that keeps its transaction open until {@link #releaseLeader}. */
    private Future<Void> startLeader() throws InterruptedException {
        Future<Void> leader = threads.submit(() -> {
            db.update("insert leader", h -> {
                writerThread = Thread.currentThread();
                h.execute("INSERT INTO t (k) VALUES ('leader')");
                leaderRunning.countDown();
                await(releaseLeader);
            });
            return null;
        });
        assertThat(leaderRunning.await(10, TimeUnit.SECONDS)).isTrue();
        return leader;
    }

    /** Queues a write that inserts a key and then does {@code more}; returns once it waits in the queue. */
    private Future<Void> queue(Database database, String key, Consumer<Handle> more) throws InterruptedException {
        int before = database.commits().queued();
        boolean leaderHolds = leaderRunning.getCount() == 0 && releaseLeader.getCount() > 0;
        Future<Void> write = threads.submit(() -> {
            database.update("insert " + key, h -> {
                h.createUpdate("INSERT INTO t (k) VALUES (:k)").bind("k", key).execute();
                more.accept(h);
            });
            return null;
        });
        while (leaderHolds && database.commits().queued() == before) {
            Thread.sleep(1);
        }
        return write;
    }

    private List<String> keys() {
        return db.read("list keys", h -> h.createQuery("SELECT k FROM t ORDER BY k").mapTo(String.class).list());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
