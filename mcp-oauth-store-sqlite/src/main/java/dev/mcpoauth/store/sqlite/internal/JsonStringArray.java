package dev.mcpoauth.store.sqlite.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes an ordered list of strings as a JSON array of strings and back, so that redirect URIs,
 * grant types and scopes keep their order and any character in one column.
 *
 * <p>Only what {@link #encode} writes needs to be read, but {@link #decode} accepts any JSON array of
 * strings, so that a row edited by hand with {@code sqlite3} still reads.
 *
 * <p>Written here rather than taken from a JSON library: a store module depends on the API only (the
 * engine's codec is in the core, which a store never imports), and one array of strings does not
 * justify a JSON dependency for every SQLite user.
 */
final class JsonStringArray {

    private JsonStringArray() {
    }

    static String encode(Iterable<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
    }

    /** Decodes; the exception message never repeats the column's content. */
    static List<String> decode(String json) {
        List<String> values = new ArrayList<>();
        int i = skipSpace(json, 0);
        i = expect(json, i, '[');
        i = skipSpace(json, i);
        if (i < json.length() && json.charAt(i) == ']') {
            return requireEnd(json, i + 1, values);
        }
        while (true) {
            i = expect(json, skipSpace(json, i), '"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = charAt(json, i++);
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char e = charAt(json, i++);
                switch (e) {
                    case '"', '\\', '/' -> value.append(e);
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        if (i + 4 > json.length()) {
                            throw invalid();
                        }
                        try {
                            value.append((char) Integer.parseInt(json, i, i + 4, 16));
                        } catch (NumberFormatException ex) {
                            throw invalid();
                        }
                        i += 4;
                    }
                    default -> throw invalid();
                }
            }
            values.add(value.toString());
            i = skipSpace(json, i);
            char next = charAt(json, i++);
            if (next == ']') {
                return requireEnd(json, i, values);
            }
            if (next != ',') {
                throw invalid();
            }
        }
    }

    private static List<String> requireEnd(String json, int i, List<String> values) {
        if (skipSpace(json, i) != json.length()) {
            throw invalid();
        }
        return values;
    }

    private static int skipSpace(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int expect(String json, int i, char c) {
        if (charAt(json, i) != c) {
            throw invalid();
        }
        return i + 1;
    }

    private static char charAt(String json, int i) {
        if (i >= json.length()) {
            throw invalid();
        }
        return json.charAt(i);
    }

    private static IllegalStateException invalid() {
        return new IllegalStateException("a stored list column is not a JSON array of strings");
    }
}
