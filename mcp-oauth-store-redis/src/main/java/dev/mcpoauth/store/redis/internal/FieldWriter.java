package dev.mcpoauth.store.redis.internal;

import dev.mcpoauth.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Builds the field/value pairs of one Redis hash, in the encoding {@link FieldReader} reads back:
 * instants as epoch milliseconds, booleans as {@code 1}/{@code 0}, an empty optional as an absent
 * field, and a list as its elements each written {@code <length>:<text>}, so that any text survives.
 */
final class FieldWriter {

    private final List<String> pairs = new ArrayList<>();

    FieldWriter put(String name, String value) {
        pairs.add(name);
        pairs.add(value);
        return this;
    }

    FieldWriter put(String name, Optional<String> value) {
        value.ifPresent(v -> put(name, v));
        return this;
    }

    FieldWriter put(String name, Instant value) {
        return put(name, millis(value));
    }

    FieldWriter putInstant(String name, Optional<Instant> value) {
        value.ifPresent(v -> put(name, v));
        return this;
    }

    FieldWriter put(String name, boolean value) {
        return put(name, value ? "1" : "0");
    }

    FieldWriter put(String name, Collection<String> values) {
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            out.append(v.length()).append(':').append(v);
        }
        return put(name, out.toString());
    }

    /** The pairs, name first, in the order they were put. */
    List<String> pairs() {
        return List.copyOf(pairs);
    }

    /** An instant as epoch milliseconds, truncated (never rounded up) as the contract allows. */
    static String millis(Instant instant) {
        try {
            return Long.toString(instant.toEpochMilli());
        } catch (ArithmeticException e) {
            throw new StorageException("cannot store an instant beyond the range of epoch milliseconds", e);
        }
    }
}
