package dev.mcpoauth.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteDataSource;

/** Reads a database file with plain JDBC, beside the store, to check what the store wrote. */
final class RawSqlite {

    private RawSqlite() {
    }

    /** The first column of the first row of a query, as text. */
    static String text(Path file, String sql) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Runs a statement that changes the file. */
    static void execute(Path file, String sql) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
