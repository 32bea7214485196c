package dev.mcpoauth.helidon;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request, for the rate limits and the login throttling. The
 * TCP peer's address, unless that peer is a configured trusted proxy: then the forwarding chain
 * ({@code Forwarded: for=}, else {@code X-Forwarded-For}) is walked from the nearest hop back, and
 * the first address that is not a trusted proxy is the client. With no trusted proxies (the
 * default) forwarding headers are ignored, since any client can send them.
 *
 * <p>Likewise {@link #secure}: TLS on the connection, or a trusted proxy saying it received the
 * request over https.
 */
final class ClientAddress {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final Set<InetAddress> trusted = new HashSet<>();

    ClientAddress(Set<String> trustedProxies) {
        trustedProxies.forEach(p -> literal(p).ifPresentOrElse(trusted::add, () -> {
            throw new IllegalArgumentException("a trusted proxy must be an IP address: " + p);
        }));
    }

    /** The client's address as text, e.g. {@code 127.0.0.1}. */
    String of(ServerRequest req) {
        SocketAddress socket = req.remotePeer().address();
        if (!(socket instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return req.remotePeer().host();
        }
        InetAddress peer = inet.getAddress();
        if (!trusted.contains(peer)) {
            return peer.getHostAddress();
        }
        List<String> chain = chain(req);
        InetAddress client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hostOf(chain.get(i)));
            if (hop.isEmpty()) {
                // An obfuscated or garbled hop: stop at the last address we could trust to be real.
                break;
            }
            client = hop.get();
            if (!trusted.contains(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    /**
     * Whether the browser reached the server over https: the connection is TLS, or the peer is a
     * trusted proxy whose own forwarding element ({@code Forwarded: proto=}, else
     * {@code X-Forwarded-Proto}; the last one, which the proxy itself added) says https.
     */
    boolean secure(ServerRequest req) {
        if (req.isSecure()) {
            return true;
        }
        SocketAddress socket = req.remotePeer().address();
        if (!(socket instanceof InetSocketAddress inet) || !trusted.contains(inet.getAddress())) {
            return false;
        }
        List<String> forwarded = req.headers().all(HeaderNames.FORWARDED, List::of);
        if (!forwarded.isEmpty()) {
            for (String pair : lastElement(forwarded).split(";")) {
                if (pair.trim().replace("\"", "").equalsIgnoreCase("proto=https")) {
                    return true;
                }
            }
            return false;
        }
        List<String> proto = req.headers().all(HeaderNames.X_FORWARDED_PROTO, List::of);
        return !proto.isEmpty() && lastElement(proto).trim().equalsIgnoreCase("https");
    }

    /** The last comma-separated element of the last header line; empty when there is none. */
    private static String lastElement(List<String> lines) {
        String last = lines.getLast();
        int comma = last.lastIndexOf(',');
        return comma < 0 ? last : last.substring(comma + 1);
    }

    private static List<String> chain(ServerRequest req) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = req.headers().all(HeaderNames.FORWARDED, List::of);
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    for (String pair : element.split(";")) {
                        String p = pair.trim();
                        if (p.regionMatches(true, 0, "for=", 0, 4)) {
                            hops.add(p.substring(4).replace("\"", "").trim());
                        }
                    }
                }
            }
            return hops;
        }
        for (String header : req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of)) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** The address part of a hop: {@code [v6]:port} -> {@code v6}, {@code v4:port} -> {@code v4}. */
    private static String hostOf(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? "" : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** Parses an IP literal without ever resolving a name. */
    private static Optional<InetAddress> literal(String text) {
        String t = text.trim();
        if (t.isEmpty() || !IP_LITERAL.matcher(t).matches() || !t.contains(".") && !t.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
