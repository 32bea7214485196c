package dev.mcpoauth.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Prepared statements kept per pooled connection, on a real SQLite file. */
class StatementCacheTest {

    @TempDir
    Path dir;

    private ConnectionPool pool;
    private Jdbi jdbi;
    private final List<PreparedStatement> executed = new ArrayList<>();

    @BeforeEach
    void openPool() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("cache.db").toAbsolutePath());
        pool = new ConnectionPool(source, 1);
        jdbi = Jdbi.create(pool);
        jdbi.setStatementBuilderFactory(pool);
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)"));
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void sameSqlInLaterHandlesThenOneCompiledStatementServesAll() {
        jdbi.useHandle(h -> h.execute("INSERT INTO t (k, v) VALUES ('a', 1), ('b', 2)"));
        assertThat(valueInNewHandle("a")).isEqualTo(1);
        assertThat(valueInNewHandle("b")).as("other parameters, same statement").isEqualTo(2);
        assertThat(valueInNewHandle("a")).isEqualTo(1);
        assertThat(executed).hasSize(3);
        assertThat(executed.get(1)).isSameAs(executed.get(0));
        assertThat(executed.get(2)).isSameAs(executed.get(0));
    }

    @Test
    void reusedStatementThenSeesRowsAnotherConnectionWroteSince() throws SQLException {
        assertThat(countInNewHandle()).isZero();
        SQLiteDataSource other = new SQLiteDataSource();
        other.setUrl("jdbc:sqlite:" + dir.resolve("cache.db").toAbsolutePath());
        try (var c = other.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO t (k, v) VALUES ('x', 7)");
        }
        assertThat(countInNewHandle()).as("no read snapshot is held between uses").isEqualTo(1);
        assertThat(executed.get(1)).isSameAs(executed.get(0));
    }

    @Test
    void sameSqlTwiceInOneHandleThenEachUseHasItsOwnStatementAndOneIsKept() {
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO t (k, v) VALUES ('a', 1), ('b', 2)");
            List<Integer> inner = new ArrayList<>();
            try (var outer = query(h, "SELECT v FROM t WHERE v > :min ORDER BY v").bind("min", 0).mapTo(Integer.class).stream()) {
                outer.forEach(v -> inner.add(query(h, "SELECT v FROM t WHERE v > :min ORDER BY v").bind("min", v)
                        .mapTo(Integer.class).list().size()));
            }
            assertThat(inner).containsExactly(1, 0);
        });
        assertThat(executed).hasSize(3);
        assertThat(executed.get(1)).as("the inner use while the outer is open").isNotSameAs(executed.get(0));
        Set<PreparedStatement> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(executed);
        List<PreparedStatement> open = distinct.stream().filter(s -> !closed(s)).toList();
        assertThat(open).as("one statement per SQL is kept, the others closed").hasSize(1);
        PreparedStatement kept = open.getFirst();
        assertThat(valueInNewHandleWhereAbove(0)).isEqualTo(1);
        assertThat(executed.getLast()).isSameAs(kept);
    }

    @Test
    void moreDistinctSqlThanTheLimitThenTheLeastRecentlyUsedAreClosed() {
        for (int i = 0; i < StatementCache.MAX_STATEMENTS + 5; i++) {
            String sql = "SELECT " + i;
            jdbi.useHandle(h -> query(h, sql).mapTo(Integer.class).one());
        }
        jdbi.useHandle(h -> assertThat(((StatementCache) h.getStatementBuilder()).idleCount())
                .isEqualTo(StatementCache.MAX_STATEMENTS));
        assertThat(closed(executed.getFirst())).isTrue();
        assertThat(closed(executed.getLast())).isFalse();
    }

    @Test
    void discardedConnectionThenItsStatementsGoWithIt() {
        assertThat(countInNewHandle()).isZero();
        assertThat(pool.cachedConnections()).isEqualTo(1);
        jdbi.useHandle(h -> pool.discard(h.getConnection()));
        assertThat(pool.cachedConnections()).isZero();
        assertThat(closed(executed.getFirst())).isTrue();
        assertThat(countInNewHandle()).as("a new connection compiles afresh").isZero();
        assertThat(pool.cachedConnections()).isEqualTo(1);
    }

    private int countInNewHandle() {
        Integer count = jdbi.withHandle(this::count);
        return count;
    }

    private int valueInNewHandle(String key) {
        Integer value = jdbi.withHandle(h -> valueOf(h, key));
        return value;
    }

    private int valueInNewHandleWhereAbove(int min) {
        Integer value = jdbi.withHandle(h -> query(h, "SELECT v FROM t WHERE v > :min ORDER BY v").bind("min", min)
                .mapTo(Integer.class).first());
        return value;
    }

    private int valueOf(Handle h, String key) {
        return query(h, "SELECT v FROM t WHERE k = :k").bind("k", key).mapTo(Integer.class).one();
    }

    private int count(Handle h) {
        return query(h, "SELECT count(*) FROM t").mapTo(Integer.class).one();
    }

    /** A query that records which PreparedStatement ran it. */
    private org.jdbi.v3.core.statement.Query query(Handle h, String sql) {
        return h.createQuery(sql).addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext ctx) {
                executed.add(statement);
            }
        });
    }

    private static boolean closed(PreparedStatement statement) {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
