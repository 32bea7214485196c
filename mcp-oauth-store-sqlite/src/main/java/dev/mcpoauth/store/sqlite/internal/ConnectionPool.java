package dev.mcpoauth.store.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.sqlite.SQLiteDataSource;

/**
 * A small, bounded pool of SQLite connections for Jdbi: at most {@code size} connections are in use
 * at once (callers beyond that wait), idle ones are reused with their prepared statements
 * ({@link StatementCache}), and a connection whose state is in doubt after a failure is closed
 * rather than handed out again.
 */
final class ConnectionPool implements ConnectionFactory, StatementBuilderFactory, AutoCloseable {

    private final SQLiteDataSource source;
    private final Semaphore permits;
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
    private final Set<Connection> doubtful = ConcurrentHashMap.newKeySet();
    private final Map<Connection, StatementCache> statements = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ConnectionPool(SQLiteDataSource source, int size) {
        this.source = source;
        this.permits = new Semaphore(size, true);
    }

    @Override
    public Connection openConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the SQLite token store is closed");
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a SQLite connection", e);
        }
        try {
            Connection connection = idle.pollFirst();
            if (connection == null) {
                connection = source.getConnection();
                statements.put(connection, new StatementCache());
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            if (closed || doubtful.remove(connection) || connection.isClosed()) {
                closePhysically(connection);
            } else {
                idle.offerFirst(connection);
                // close() may have drained the pool between the check above and the offer.
                if (closed && idle.remove(connection)) {
                    closePhysically(connection);
                }
            }
        } finally {
            permits.release();
        }
    }

    /** The borrowed connection's statement cache; Jdbi asks for it each time a handle opens. */
    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        StatementBuilder cache = statements.get(connection);
        // Every pooled connection has one; anything else gets statements built the default way.
        return cache != null ? cache : new DefaultStatementBuilder();
    }

    /** How many open connections have a statement cache (one each). */
    int cachedConnections() {
        return statements.size();
    }

    /** Closes a connection and its statements. */
    private void closePhysically(Connection connection) throws SQLException {
        StatementCache cache = statements.remove(connection);
        if (cache != null) {
            cache.closeAll();
        }
        connection.close();
    }

    /** Marks a borrowed connection to be closed, not reused, when it is returned. */
    void discard(Connection connection) {
        doubtful.add(connection);
    }

    /** Closes idle connections now and borrowed ones as they come back. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            try {
                closePhysically(connection);
            } catch (SQLException ignored) {
                // Closing is best effort: the file is released when the process ends anyway.
            }
        }
    }
}
