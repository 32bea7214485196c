package dev.mcpoauth.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a host name, as written in a URL, names the user's own machine or a private network: the
 * question behind defaults that protect local servers (DNS rebinding). Decided from the name alone,
 * nothing is resolved: loopback and private address literals (everything {@link AddressPolicy#isPublic}
 * refuses), {@code localhost} and {@code *.localhost} (RFC 6761 §6.3), single-label names
 * ({@code nas}), and the suffixes of local and private networks {@code .local} (RFC 6762),
 * {@code .internal}, {@code .lan}, {@code .home.arpa} (RFC 8375). Any other name counts as public,
 * even if it resolves to a private address.
 */
final class LocalHosts {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> LOCAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".lan", ".home.arpa");

    private LocalHosts() {
    }

    /**
     * Whether {@code host} is local or private.
     *
     * @param host a URL's host: a name, an IPv4 literal or a bracketed IPv6 literal
     * @return true for the user's machine or a private network
     */
    public static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") && h.endsWith("]") || IPV4.matcher(h).matches()) {
            try {
                // A literal: parsed, never looked up.
                return !AddressPolicy.isPublic(InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return h.equals("localhost") || !h.contains(".") || LOCAL_SUFFIXES.stream().anyMatch(h::endsWith);
    }
}
