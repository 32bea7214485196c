package dev.mcpoauth.store.sqlite.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Turns the store's SQL, with {@code :name} parameters, into JDBC's {@code ?} form for Jdbi.
 *
 * <p>Jdbi's own parser runs an ANTLR lexer, whose set-up was a large part of the store's start-up
 * time; the store's SQL needs only this: a parameter is a colon followed by a letter or underscore and
 * then letters, digits or underscores, outside quotes ({@code '...'}, {@code "..."}) and comments
 * ({@code --} to the end of the line, {@code /* ... *}{@code /}); {@code ::} is text. A {@code ?} is
 * a positional parameter. Results are cached by SQL text; the store's statements are a fixed, small set.
 */
final class NamedParameters implements SqlParser {

    /** Far more than the store's distinct statements: a guard, not a tuning knob. */
    static final int MAX_CACHED = 512;

    private final Map<String, ParsedSql> parsed = new ConcurrentHashMap<>();

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
        ParsedSql known = parsed.get(sql);
        if (known != null) {
            return known;
        }
        ParsedSql result = parse(sql);
        if (parsed.size() < MAX_CACHED) {
            parsed.putIfAbsent(sql, result);
        }
        return result;
    }

    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
        return ":" + rawName;
    }

    static ParsedSql parse(String sql) {
        ParsedSql.Builder out = ParsedSql.builder();
        StringBuilder text = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(sql, i, c);
                text.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                text.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                text.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("::", i)) {
                text.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && isNameStart(sql.charAt(i + 1))) {
                int end = i + 2;
                while (end < sql.length() && isNamePart(sql.charAt(end))) {
                    end++;
                }
                out.append(text.toString()).appendNamedParameter(sql.substring(i + 1, end));
                text.setLength(0);
                i = end;
            } else if (c == '?') {
                out.append(text.toString()).appendPositionalParameter();
                text.setLength(0);
                i++;
            } else {
                text.append(c);
                i++;
            }
        }
        return out.append(text.toString()).build();
    }

    /** The index after the quote that closes the one at {@code start} (a doubled quote is part of the text). */
    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("SQL has an unclosed " + quote + " quote");
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
