package dev.mcpoauth.helidon.mcp;

import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Reads a request body within a size limit: the one place where every endpoint (the OAuth
 * endpoints, the login page and {@code /mcp}) reads bodies, so that a body the client failed to send
 * is refused alike everywhere.
 *
 * <p>Hand-written rather than Helidon's {@code req.content().as(...)}: Helidon 4.5 reports a body
 * that ends before its {@code Content-Length} ({@code DataReader.InsufficientDataAvailableException})
 * or a chunk-size line that is not hexadecimal ({@code NumberFormatException}) as whatever runtime
 * exception its parser hit, thrown from inside the read, which the endpoints' guards could only take
 * for a server fault (500 and a SEVERE stack trace). This class turns any failure of the read into
 * {@link Unreadable} (the caller answers 400) and logs one DEBUG line. After the handler has answered,
 * Helidon tries to read the rest of the body itself, fails again and closes the connection without
 * logging; a {@code Connection: close} set here would instead make it skip that read and parse the
 * rest of a broken chunked body as a next request, writing a second, bare 400 behind ours.
 */
public final class RequestBody {

    private static final System.Logger LOG = System.getLogger(RequestBody.class.getName());

    private RequestBody() {
    }

    /** The body is larger than the limit (declared or read); carries no stack trace. */
    public static final class TooLarge extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes", null, false, false);
        }
    }

    /** The body could not be read as HTTP/1.1 frames it (truncated, bad chunking, connection lost); no stack trace. */
    public static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unreadable() {
            super("the request body is shorter than its Content-Length or not valid chunked encoding",
                    null, false, false);
        }
    }

    /**
     * Reads the whole body.
     *
     * @param req   the request
     * @param limit the largest accepted size in bytes
     * @return the bytes; empty when there is no body
     * @throws TooLarge   when the declared or the read length exceeds {@code limit}
     * @throws Unreadable when the body ends early or its framing is malformed
     */
    public static byte[] read(ServerRequest req, long limit) {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            throw new TooLarge(limit);
        }
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        int max = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes(max + 1);
        } catch (IOException | RuntimeException e) {
            // Any failure here is the client's framing or its connection, never our state.
            LOG.log(System.Logger.Level.DEBUG, "unreadable request body on {0} {1}: {2}",
                    req.prologue().method().text(), req.path().rawPath(), e.getClass().getSimpleName());
            throw new Unreadable();
        }
        if (bytes.length > max) {
            throw new TooLarge(limit);
        }
        return bytes;
    }
}
