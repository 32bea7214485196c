package dev.mcpoauth.helidon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for the malformed requests no HTTP client library sends: a
 * body shorter than its {@code Content-Length} followed by a half-close, or a chunked body whose
 * chunk-size line is not hexadecimal. Reads the answer until the server closes the connection or
 * the read times out (a guard against a hang, not a timing assertion).
 */
final class RawHttp {

    /** A parsed answer: status, headers (lower-case names, first value) and body text. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** The two shapes of a body that ends before it says it does. */
    enum Shape {
        /** {@code Content-Length} larger than the bytes sent, then the client stops sending (half-close). */
        TRUNCATED,
        /** {@code Transfer-Encoding: chunked} with a chunk-size line that is not a hexadecimal number. */
        BAD_CHUNK
    }

    private RawHttp() {
    }

    /**
     * Sends {@code body} to {@code url} in {@code shape} with the given extra header lines.
     *
     * @param headers name/value pairs
     */
    static Answer send(Shape shape, String method, String url, String contentType, String body, String... headers) {
        URI uri = URI.create(url);
        return sendTo(shape, method, uri.getScheme() + "://" + uri.getRawAuthority(),
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), contentType, body, headers);
    }

    /**
     * Sends to a request target written as it is (a fuzzed path need not be a valid URI).
     *
     * @param base   {@code http://host:port}
     * @param target the request target, e.g. {@code /token?x=1}
     */
    static Answer sendTo(Shape shape, String method, String base, String target, String contentType, String body,
                       String... headers) {
        URI uri = URI.create(base);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String wire = switch (shape) {
            case TRUNCATED -> head.append("Content-Length: ").append(bytes.length + 100).append("\r\n\r\n") + body;
            // An empty first chunk would be the last chunk: the body would be complete and the rest a next request.
            case BAD_CHUNK -> head.append("Transfer-Encoding: chunked\r\n\r\n")
                    .append(bytes.length == 0 ? "" : Integer.toHexString(bytes.length) + "\r\n" + body + "\r\n")
                    .append("zz-not-hex\r\n").append("more\r\n0\r\n\r\n").toString();
        };
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(wire.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("sending a " + shape + " body to " + base + target, e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is the answer; an empty one fails in parse
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("no HTTP answer, got: '" + raw + "'");
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, Math.min(chunked.length(), eol + 2 + size));
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
