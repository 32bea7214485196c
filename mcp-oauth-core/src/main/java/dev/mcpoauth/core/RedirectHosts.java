package dev.mcpoauth.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The optional allow-list of redirect hosts ({@code ServerConfig.allowedRedirectHosts}): where a
 * deployment lets authorization codes go. An entry is a host ({@code claude.ai}), a wildcard for its
 * subdomains ({@code *.example.com}, not the apex itself), {@code localhost} for every loopback
 * redirect URI ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}), or a private-use scheme with
 * its colon ({@code cursor:}). An empty list allows every redirect URI the other rules allow.
 */
final class RedirectHosts {

    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*:");

    private RedirectHosts() {
    }

    /** Whether {@code entry} is a valid allow-list entry (lower case). */
    public static boolean isValidEntry(String entry) {
        return HOST.matcher(entry).matches() || SCHEME.matcher(entry).matches() && !entry.equals("https:")
                && !entry.equals("http:");
    }

    /**
     * Whether a redirect URI is allowed by the list.
     *
     * @param allowed    the entries; empty allows everything
     * @param redirectUri an acceptable redirect URI (see {@link RedirectUris#problem})
     * @return whether codes may be sent there
     */
    public static boolean allows(Set<String> allowed, String redirectUri) {
        if (allowed.isEmpty()) {
            return true;
        }
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (RedirectUris.isLoopback(redirectUri)) {
            return allowed.contains("localhost");
        }
        if (!scheme.equals("https") && !scheme.equals("http") && allowed.contains(scheme + ":")) {
            return true;
        }
        if (uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String entry : allowed) {
            if (entry.startsWith("*.") ? host.endsWith(entry.substring(1)) : host.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
