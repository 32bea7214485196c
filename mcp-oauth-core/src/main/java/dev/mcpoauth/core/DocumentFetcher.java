package dev.mcpoauth.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Fetches a Client ID Metadata Document over https with the SSRF defences built into the socket
 * work, not bolted on: the host is resolved once, every address it resolves to must pass the
 * {@link AddressPolicy} (a name that also points inward is refused, not filtered), and the TCP
 * connection goes to that checked address, so a second DNS answer cannot redirect it (no
 * DNS-rebinding window). TLS runs over that socket with SNI and https hostname verification
 * against the name in the URL. One HTTP/1.1 GET is sent; only {@code 200} is accepted, so
 * redirects are never followed; the response must arrive within the timeout and the body must fit
 * in {@link #maxBytes()} bytes.
 *
 * <p>Thread safe; each fetch uses its own socket.
 */
final class DocumentFetcher {

    private static final System.Logger LOG = System.getLogger(DocumentFetcher.class.getName());

    /** The largest document accepted: MCP suggests about 5 KB. */
    public static final int DEFAULT_MAX_BYTES = 5 * 1024;
    /** Connecting, TLS and reading the whole response must finish within this. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9.-]+");

    /** Resolves a host name to all its addresses; the JDK resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        /** All addresses of {@code host}. */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A fetched document: its body and the {@code Cache-Control} header, if any. */
    public record Fetched(String body, String cacheControl) {
    }

    private final AddressPolicy policy;
    private final SSLContext tls;
    private final Resolver resolver;
    private final Duration timeout;
    private final int maxBytes;

    /**
     * Creates a fetcher.
     *
     * @param policy   which addresses may be connected to
     * @param tls      the TLS context whose trust store verifies servers
     * @param resolver resolves host names
     * @param timeout  the deadline of a whole fetch
     * @param maxBytes the largest body accepted
     */
    public DocumentFetcher(AddressPolicy policy, SSLContext tls, Resolver resolver, Duration timeout, int maxBytes) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxBytes = maxBytes;
    }

    /** The production fetcher: public addresses only, the JDK's default trust store and resolver. */
    public static DocumentFetcher standard() {
        try {
            return new DocumentFetcher(AddressPolicy.publicOnly(), SSLContext.getDefault(), InetAddress::getAllByName,
                    DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /** The largest body accepted, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Fetches a document.
     *
     * @param url an https URL with a host
     * @return the body and its caching header
     * @throws DocumentException when the URL, an address, the connection, the status or the body
     *                           is refused; its message is safe to show to a client developer
     */
    public Fetched fetch(URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null) {
            throw new DocumentException("the client_id must be an https URL with a host and no user information");
        }
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        int port = url.getPort() < 0 ? 443 : url.getPort();
        InetAddress address = checkedAddress(host);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
            plain.setSoTimeout(remainingMillis(deadline));
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (HOST_NAME.matcher(host).matches() && !host.matches("[0-9.]+")) {
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                }
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                return exchange(socket, url, deadline);
            }
        } catch (DocumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The cause stays out of the message (it may name internals of the TLS stack); the log has it.
            LOG.log(System.Logger.Level.DEBUG, "fetching the client metadata document {0} failed: {1}", url, e);
            throw new DocumentException("the client metadata document could not be fetched: " + reason(e));
        }
    }

    /** What went wrong, in words a client developer can act on, without naming our classes. */
    private static String reason(Exception e) {
        return switch (e) {
            case SocketTimeoutException timeout -> "its server did not answer in time";
            case SSLException tls -> "the TLS connection to its server failed";
            case ConnectException refused -> "its server refused the connection";
            default -> "the connection to its server failed";
        };
    }

    /** Resolves the host and insists that every address it has is allowed. */
    private InetAddress checkedAddress(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new DocumentException("the host of the client_id does not resolve");
        }
        if (addresses.length == 0) {
            throw new DocumentException("the host of the client_id does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!policy.allows(address)) {
                throw new DocumentException("the host of the client_id resolves to an address this server does not "
                        + "connect to (loopback, private, link-local or reserved)");
            }
        }
        return addresses[0];
    }

    private Fetched exchange(SSLSocket socket, URI url, long deadline) throws IOException {
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String hostHeader = url.getRawAuthority();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: application/json\r\n"
                + "Accept-Encoding: identity\r\nUser-Agent: mcp-oauth\r\nConnection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        HttpResponseReader reader = new HttpResponseReader(
                new java.io.BufferedInputStream(new Deadline(socket, deadline), 1024), MAX_HEADER_BYTES, maxBytes);
        HttpResponseReader.Response response = reader.read();
        if (response.status() >= 300 && response.status() < 400) {
            throw new DocumentException("the client metadata document URL redirects; redirects are not followed");
        }
        if (response.status() != 200) {
            throw new DocumentException("fetching the client metadata document answered HTTP " + response.status());
        }
        return new Fetched(new String(response.body(), StandardCharsets.UTF_8),
                response.header("cache-control").orElse(""));
    }

    private static int remainingMillis(long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new java.net.SocketTimeoutException("the fetch took too long");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }

    /** An input stream that shortens the socket's read timeout to what is left of the deadline. */
    static final class Deadline extends InputStream {

        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        Deadline(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read(b, off, len);
        }
    }
}
