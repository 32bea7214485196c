package dev.mcpoauth.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one HTTP/1.1 response with hard limits: a status line and headers of at most
 * {@code maxHeaderBytes}, and a body of at most {@code maxBodyBytes} whether it is framed by
 * {@code Content-Length}, by chunked transfer coding, or by the end of the connection. Anything
 * past a limit, or malformed, is refused rather than truncated. Not thread safe; one per response.
 */
final class HttpResponseReader {

    /** A response: its status, headers (names lower-cased, first value kept) and body. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    private final InputStream in;
    private final int maxHeaderBytes;
    private final int maxBodyBytes;
    private int headerBytes;

    HttpResponseReader(InputStream in, int maxHeaderBytes, int maxBodyBytes) {
        this.in = in;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    Response read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new DocumentException("the client metadata document server sent a malformed HTTP response");
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new DocumentException("the client metadata document server sent a malformed header");
            }
            headers.putIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        if (status != 200) {
            return new Response(status, headers, new byte[0]);
        }
        String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        byte[] body;
        if (encoding.contains("chunked")) {
            body = chunked();
        } else if (headers.containsKey("content-length")) {
            body = fixed(headers.get("content-length"));
        } else {
            body = untilClose();
        }
        return new Response(status, headers, body);
    }

    private byte[] fixed(String value) throws IOException {
        long length;
        try {
            length = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new DocumentException("the client metadata document has a malformed Content-Length");
        }
        if (length < 0 || length > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new DocumentException("the client metadata document ended early");
        }
        return body;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            if (!hex.matches("[0-9A-Fa-f]{1,7}")) {
                throw new DocumentException("the client metadata document has a malformed chunk");
            }
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                return body.toByteArray();
            }
            if (body.size() + size > maxBodyBytes) {
                throw tooLarge();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size || !line().isEmpty()) {
                throw new DocumentException("the client metadata document has a malformed chunk");
            }
            body.writeBytes(chunk);
        }
    }

    private byte[] untilClose() throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        return body;
    }

    /** One CRLF- (or LF-) terminated line, counted against the header limit. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new DocumentException("the client metadata document server closed the connection early");
            }
            if (++headerBytes > maxHeaderBytes) {
                throw new DocumentException("the client metadata document server sent too many headers");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    private DocumentException tooLarge() {
        return new DocumentException("the client metadata document is larger than " + maxBodyBytes + " bytes");
    }
}
