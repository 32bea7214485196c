package dev.mcpoauth.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsing and printing of space-delimited scope strings (RFC 6749 §3.3). */
final class Scopes {

    /** A scope token: printable ASCII except space, double quote and backslash (RFC 6749 §3.3). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private Scopes() {
    }

    /** Whether {@code scope} is a valid scope token; such tokens also need no escaping inside a quoted header value. */
    public static boolean isValidToken(String scope) {
        return SCOPE_TOKEN.matcher(scope).matches();
    }

    /**
     * Splits a scope parameter into its tokens, keeping their order and dropping repeats.
     *
     * @param value the parameter, e.g. {@code "read write"}
     * @return the tokens; empty for a blank value
     * @throws IllegalArgumentException when a token contains a character RFC 6749 does not allow
     */
    public static Set<String> parse(String value) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String token : value.trim().split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!isValidToken(token)) {
                throw new IllegalArgumentException("scope contains a character that is not allowed");
            }
            scopes.add(token);
        }
        return scopes;
    }

    /** Joins scopes with single spaces, in their order. */
    public static String format(Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    /** The scopes of {@code wanted} that are in {@code allowed}, in the order of {@code wanted}. */
    public static Set<String> intersect(Collection<String> wanted, Collection<String> allowed) {
        Set<String> result = new LinkedHashSet<>(wanted);
        result.retainAll(allowed);
        return result;
    }
}
