package dev.mcpoauth.store.sqlite.internal;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * One pooled connection's prepared statements, kept for reuse: a store operation binds and steps
 * statements SQLite compiled once, instead of compiling its SQL again on every call (compiling was
 * about 14 % of a refresh grant's CPU).
 *
 * <p>A statement is checked out while Jdbi uses it (until its results are read, at the latest until
 * its handle closes) and comes back with its parameters cleared. Jdbi closes a result set as soon as its rows are read, which
 * resets the statement in SQLite and ends its read snapshot, so a statement waiting here holds no
 * lock. The same SQL used again while its statement is out (a query run inside the loop over its
 * own rows) gets a statement of its own. At most {@link #MAX_STATEMENTS} idle statements are kept; the least recently used are
 * closed. A connection is used by one thread at a time (the pool's rule), so this class needs no
 * locking.
 */
final class StatementCache implements StatementBuilder {

    /** More than the store's distinct statements, so that none is evicted in normal use. */
    static final int MAX_STATEMENTS = 64;

    private static final StatementBuilder DEFAULTS = new DefaultStatementBuilder();

    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_STATEMENTS) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };
    /** Each statement out, with the SQL it was compiled from (Jdbi closes it naming its template). */
    private final Map<Statement, String> checkedOut = new IdentityHashMap<>();

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
            return DEFAULTS.create(connection, sql, ctx);
        }
        PreparedStatement statement = idle.remove(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
        }
        checkedOut.put(statement, sql);
        return statement;
    }

    @Override
    public void close(Connection connection, String template, Statement statement) throws SQLException {
        String sql = checkedOut.remove(statement);
        if (sql == null || statement.isClosed()) {
            DEFAULTS.close(connection, template, statement);
            return;
        }
        try {
            ((PreparedStatement) statement).clearParameters();
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        PreparedStatement displaced = idle.putIfAbsent(sql, (PreparedStatement) statement);
        if (displaced != null) {
            // The same SQL came back twice (a nested use): keep one.
            statement.close();
        }
    }

    @Override
    public Statement create(Connection connection, StatementContext ctx) throws SQLException {
        return DEFAULTS.create(connection, ctx);
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext ctx) throws SQLException {
        return DEFAULTS.createCall(connection, sql, ctx);
    }

    /** Closes the idle statements; the connection closes next. */
    void closeAll() {
        idle.values().forEach(StatementCache::closeQuietly);
        idle.clear();
    }

    /** How many statements wait for reuse. */
    int idleCount() {
        return idle.size();
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // An evicted statement: SQLite frees it with the connection at the latest.
        }
    }
}
