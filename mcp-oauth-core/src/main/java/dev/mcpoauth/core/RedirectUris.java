package dev.mcpoauth.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which redirect URIs a client may register (RFC 8252 §7, OAuth 2.1 §2.3.1), and how a requested
 * one is matched against the registered ones.
 */
final class RedirectUris {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    /** Schemes that run code or read local data when "navigated to": never a redirect target. */
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "vbscript", "file",
            "blob", "about", "filesystem");
    private static final int MAX_LENGTH = 2000;

    private RedirectUris() {
    }

    /**
     * Why a redirect URI may not be registered.
     *
     * @param value the URI as the client sent it
     * @return the reason, for the client developer; empty when the URI is acceptable
     */
    public static Optional<String> problem(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.of("a redirect URI must have 1 to " + MAX_LENGTH + " characters");
        }
        if (value.indexOf('#') >= 0) {
            return Optional.of("a redirect URI must not contain a fragment: " + value);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URI: " + value);
        }
        if (!uri.isAbsolute()) {
            return Optional.of("a redirect URI must be absolute: " + value);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (FORBIDDEN_SCHEMES.contains(scheme)) {
            return Optional.of("the scheme " + scheme + ": is not allowed in a redirect URI");
        }
        if (scheme.equals("https") || scheme.equals("http")) {
            if (uri.getRawAuthority() == null || uri.getHost() == null) {
                return Optional.of("an http(s) redirect URI needs a host: " + value);
            }
            if (uri.getRawUserInfo() != null) {
                return Optional.of("a redirect URI must not contain user information: " + value);
            }
            if (scheme.equals("http") && !isLoopbackHost(uri.getHost())) {
                return Optional.of("http redirect URIs are only allowed for localhost, 127.0.0.1 and [::1]; "
                        + "use https: " + value);
            }
        }
        // Any other scheme is a private-use scheme of a native app (RFC 8252 §7.1), e.g. cursor://.
        return Optional.empty();
    }

    /**
     * Finds the registered redirect URI a requested one matches: exactly, or, for an http loopback
     * URI, on any port (RFC 8252 §7.3), since native apps listen on an ephemeral port.
     *
     * @param requested  the redirect URI of the authorization request
     * @param registered the client's registered redirect URIs
     * @return whether it matches one of them
     */
    public static boolean matches(String requested, List<String> registered) {
        if (registered.contains(requested)) {
            return true;
        }
        Optional<URI> asked = loopback(requested);
        return asked.isPresent() && registered.stream().map(RedirectUris::loopback).flatMap(Optional::stream)
                .anyMatch(reg -> sameExceptPort(reg, asked.get()));
    }

    /** The host a redirect URI sends the browser to, for the login page: the host, or the scheme of a custom URI. */
    public static String displayHost(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return uri.getHost() != null ? uri.getHost() : uri.getScheme();
    }

    /** Whether a redirect URI keeps the code on the user's machine. */
    public static boolean isLoopback(String redirectUri) {
        return loopback(redirectUri).isPresent();
    }

    private static boolean isLoopbackHost(String host) {
        return LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    private static Optional<URI> loopback(String value) {
        try {
            URI uri = new URI(value);
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawFragment() == null && isLoopbackHost(uri.getHost())
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean sameExceptPort(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && java.util.Objects.equals(a.getRawPath(), b.getRawPath())
                && java.util.Objects.equals(a.getRawQuery(), b.getRawQuery());
    }
}
