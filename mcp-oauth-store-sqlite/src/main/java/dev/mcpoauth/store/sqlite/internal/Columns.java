package dev.mcpoauth.store.sqlite.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Conversions between the API's value types and the columns of the schema: instants as epoch
 * milliseconds, booleans as 0/1, ordered lists and sets as JSON arrays, optionals as NULL.
 */
final class Columns {

    private Columns() {
    }

    /** Epoch milliseconds; finer precision is truncated (toward the past), as the contract allows. */
    static long millis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an instant is too far from 1970 to store", e);
        }
    }

    /** Epoch milliseconds, or null for empty. */
    static Long millis(Optional<Instant> instant) {
        return instant.map(Columns::millis).orElse(null);
    }

    static String json(Iterable<String> values) {
        return JsonStringArray.encode(values);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static boolean flag(ResultSet rs, String column) throws SQLException {
        return rs.getInt(column) != 0;
    }

    static List<String> list(ResultSet rs, String column) throws SQLException {
        return List.copyOf(JsonStringArray.decode(rs.getString(column)));
    }

    /** An insertion-ordered set, so that scopes come back in the order they were saved. */
    static Set<String> set(ResultSet rs, String column) throws SQLException {
        return new LinkedHashSet<>(JsonStringArray.decode(rs.getString(column)));
    }
}
