package dev.mcpoauth.store.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import org.jdbi.v3.core.ConnectionFactory;
import org.sqlite.SQLiteDataSource;

/**
 * A small, bounded pool of SQLite connections for Jdbi: at most {@code size} connections are in use
 * at once (callers beyond that wait), idle ones are reused, and a connection whose state is in
 * doubt after a failure is closed rather than handed out again.
 */
final class ConnectionPool implements ConnectionFactory, AutoCloseable {

    private final SQLiteDataSource source;
    private final Semaphore permits;
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
    private final Set<Connection> doubtful = ConcurrentHashMap.newKeySet();
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
            return connection != null ? connection : source.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            if (closed || doubtful.remove(connection) || connection.isClosed()) {
                connection.close();
            } else {
                idle.offerFirst(connection);
                // close() may have drained the pool between the check above and the offer.
                if (closed && idle.remove(connection)) {
                    connection.close();
                }
            }
        } finally {
            permits.release();
        }
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
                connection.close();
            } catch (SQLException ignored) {
                // Closing is best effort: the file is released when the process ends anyway.
            }
        }
    }
}
