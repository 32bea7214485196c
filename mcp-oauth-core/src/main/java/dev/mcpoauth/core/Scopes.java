package dev.mcpoauth.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parsing and printing of space-delimited scope strings (RFC 6749 §3.3), and the place of
 * {@value #OFFLINE_ACCESS} among them.
 */
final class Scopes {

    /**
     * The scope with which a client asks to stay signed in, i.e. for refresh tokens
     * (<a href="https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess">OpenID Connect Core
     * §11</a>; MCP 2026-07-28 "Refresh Tokens": clients MAY add it when the authorization server lists
     * it). What it means here: every client may ask for it, at registration and at {@code /authorize},
     * whatever scopes it registered; it is granted (kept in the code, the tokens and the token
     * response's {@code scope}) exactly when the client registered the {@code refresh_token} grant, and
     * silently left out otherwise (RFC 6749 §3.3 lets a server grant less than asked). It changes
     * nothing else: refresh tokens go to every client that registered the {@code refresh_token}
     * grant, with or without it, and no other client gets one. It names no access to the MCP
     * endpoint, so the authorization server metadata lists it, while the protected resource metadata
     * and the {@code WWW-Authenticate} challenges of the MCP endpoint never do, and it is never
     * required there.
     */
    public static final String OFFLINE_ACCESS = "offline_access";

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

    /** The scopes a client may be granted: the supported ones and {@value #OFFLINE_ACCESS}. */
    public static Set<String> grantable(Collection<String> supported) {
        Set<String> result = new LinkedHashSet<>(supported);
        result.add(OFFLINE_ACCESS);
        return result;
    }

    /** The scopes of the protected resource: the supported ones without {@value #OFFLINE_ACCESS}. */
    public static Set<String> ofResource(Collection<String> supported) {
        Set<String> result = new LinkedHashSet<>(supported);
        result.remove(OFFLINE_ACCESS);
        return result;
    }

    /** The scopes of {@code wanted} that are in {@code allowed}, in the order of {@code wanted}. */
    public static Set<String> intersect(Collection<String> wanted, Collection<String> allowed) {
        Set<String> result = new LinkedHashSet<>(wanted);
        result.retainAll(allowed);
        return result;
    }
}
