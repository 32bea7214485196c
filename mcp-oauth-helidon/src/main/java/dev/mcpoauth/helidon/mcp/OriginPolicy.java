package dev.mcpoauth.helidon.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a request's {@code Origin} may reach the MCP endpoint: the DNS-rebinding defence
 * the MCP specification asks of Streamable HTTP servers.
 *
 * <p>A request without {@code Origin} (every non-browser client) passes. A browser origin passes when
 * it is configured, or, when loopback origins are allowed, when it names a loopback host on the very
 * port the request arrived on. The {@code Host} header is never trusted for this decision: under DNS
 * rebinding it carries the attacker's name, which is exactly what the check must reject.
 *
 * <p>Public (in this non-exported package) so that the OAuth side of the transport can apply the same
 * policy to CORS preflights and to the order of its checks. Immutable and thread safe.
 */
public final class OriginPolicy {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed;
    private final boolean allowLoopback;

    /**
     * A policy.
     *
     * @param allowed       normalized origins accepted on any port
     * @param allowLoopback whether loopback origins on the arrival port are accepted
     */
    public OriginPolicy(Set<String> allowed, boolean allowLoopback) {
        this.allowed = Set.copyOf(allowed);
        this.allowLoopback = allowLoopback;
    }

    /** Whether a request with this Origin header, arriving on {@code localPort}, is allowed. */
    public boolean allows(Optional<String> origin, int localPort) {
        if (origin.isEmpty()) {
            return true;
        }
        String normalized = normalize(origin.get());
        if (allowed.contains(normalized)) {
            return true;
        }
        return allowLoopback && isLoopbackOn(normalized, localPort);
    }

    private static boolean isLoopbackOn(String origin, int localPort) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawUserInfo() != null
                    || uri.getHost() == null || !uri.getRawPath().isEmpty()) {
                return false;
            }
            int port = uri.getPort() == -1 ? ("https".equals(scheme) ? 443 : 80) : uri.getPort();
            return LOOPBACK_HOSTS.contains(uri.getHost()) && port == localPort;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Lower-cases an origin and drops a trailing slash and the scheme's default port. */
    public static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        if (o.startsWith("http://") && o.endsWith(":80")) {
            o = o.substring(0, o.length() - 3);
        } else if (o.startsWith("https://") && o.endsWith(":443")) {
            o = o.substring(0, o.length() - 4);
        }
        return o;
    }
}
