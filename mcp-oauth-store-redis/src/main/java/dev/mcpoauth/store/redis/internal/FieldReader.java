package dev.mcpoauth.store.redis.internal;

import dev.mcpoauth.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields {@link FieldWriter} wrote. A missing or malformed field is a
 * {@link StorageException} that names the record kind and the field, never a value.
 */
public final class FieldReader {

    private final String kind;
    private final Map<String, String> fields;

    private FieldReader(String kind, Map<String, String> fields) {
        this.kind = kind;
        this.fields = fields;
    }

    /** Reads a hash as returned by {@code HGETALL}. */
    public static FieldReader of(String kind, Map<String, String> fields) {
        return new FieldReader(kind, Map.copyOf(fields));
    }

    /** Reads a flat {@code HGETALL} reply (name, value, name, value, ...) as returned by a script. */
    public static FieldReader ofFlat(String kind, Object reply) {
        if (!(reply instanceof List<?> flat) || flat.size() % 2 != 0) {
            throw new StorageException("could not read a stored " + kind + ": unexpected reply from Redis");
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return new FieldReader(kind, map);
    }

    String string(String name) {
        String value = fields.get(name);
        if (value == null) {
            throw malformed(name);
        }
        return value;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    Instant instant(String name) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(string(name)));
        } catch (NumberFormatException e) {
            throw malformed(name);
        }
    }

    Optional<Instant> optionalInstant(String name) {
        return fields.containsKey(name) ? Optional.of(instant(name)) : Optional.empty();
    }

    boolean bool(String name) {
        return switch (string(name)) {
            case "1" -> true;
            case "0" -> false;
            default -> throw malformed(name);
        };
    }

    List<String> list(String name) {
        String encoded = string(name);
        List<String> out = new ArrayList<>();
        int at = 0;
        try {
            while (at < encoded.length()) {
                int colon = encoded.indexOf(':', at);
                int length = Integer.parseInt(encoded.substring(at, colon));
                out.add(encoded.substring(colon + 1, colon + 1 + length));
                at = colon + 1 + length;
            }
        } catch (RuntimeException e) {
            throw malformed(name);
        }
        return out;
    }

    Set<String> orderedSet(String name) {
        return new LinkedHashSet<>(list(name));
    }

    private StorageException malformed(String name) {
        return new StorageException("could not read a stored " + kind + ": field '" + name + "' is missing or malformed");
    }
}
