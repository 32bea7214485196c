package dev.mcpoauth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** Validation shared by the value records of this package. */
final class Values {

    private Values() {
    }

    static String requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** An unmodifiable copy that keeps the caller's order, so scopes print as they were asked. */
    static Set<String> orderedCopy(Set<String> values) {
        Objects.requireNonNull(values, "scopes");
        values.forEach(v -> Objects.requireNonNull(v, "scope"));
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    static void requireOrdered(java.time.Instant earlier, java.time.Instant later, String what) {
        Objects.requireNonNull(earlier, what);
        Objects.requireNonNull(later, what);
        if (later.isBefore(earlier)) {
            throw new IllegalArgumentException(what + ": expiry " + later + " is before " + earlier);
        }
    }
}
