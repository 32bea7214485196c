package dev.mcpoauth.helidon.mcp;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SSE response (a POST's response stream or a GET listening stream) as the SDK's per-stream
 * transport: each message is written as one {@code message} event and flushed at once.
 *
 * <p>Every stream starts with a priming event, as MCP 2025-11-25 recommends ("Streamable HTTP",
 * Sending Messages, item 6; SEP-1699): an event id, a {@code retry} field of
 * {@value #RETRY_MILLIS} ms (how long a client waits before it reconnects a dropped stream) and an
 * empty {@code data} field, so that no client mistakes it for a message. It has no {@code event} field:
 * clients that only handle {@code message} events skip it. The 2026-07-28 revision drops resumability;
 * there the event is harmless.
 *
 * <p>Thread safe: messages may come from the handler's virtual thread and from any thread that
 * notifies the session. Writes are serialized with a {@link ReentrantLock}, not {@code synchronized},
 * so a virtual thread blocked on a slow client never pins its carrier. After {@link #close()} every
 * send fails; the HTTP handler that owns the response waits in {@link #awaitClosed(Duration)}.
 */
final class SseStream implements McpStreamableServerTransport {

    private static final System.Logger LOG = System.getLogger(SseStream.class.getName());
    /** The reconnection delay the priming event announces, in milliseconds. */
    static final long RETRY_MILLIS = 2000;

    private final OutputStream out;
    private final McpJsonMapper mapper;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean open = true;

    private SseStream(OutputStream out, McpJsonMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    /**
     * Starts a {@code 200 text/event-stream} response, writes the priming event and returns the stream
     * writing its body; when the client is already gone the stream is returned closed.
     */
    static SseStream open(ServerResponse res, McpJsonMapper mapper) {
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, McpHttp.TEXT_EVENT_STREAM);
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        // Tells nginx-style proxies not to buffer the stream.
        res.header(McpHttp.X_ACCEL_BUFFERING, "no");
        SseStream stream = new SseStream(res.outputStream(), mapper);
        stream.writeQuietly("id: " + UUID.randomUUID() + "\nretry: " + RETRY_MILLIS + "\ndata: \n\n");
        return stream;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        return Mono.fromRunnable(() -> write(event(message, messageId)));
    }

    /**
     * Writes an SSE comment (a {@code :} line and a blank line), which clients ignore and which keeps
     * proxies and read timeouts from closing an idle stream, and shows whether the client is still there.
     *
     * @return false when the stream is closed or the client is gone
     */
    boolean comment(String text) {
        return writeQuietly(": " + text + "\n\n");
    }

    /** Writes raw SSE text; false when the stream is closed or the client is gone. */
    private boolean writeQuietly(String text) {
        try {
            write(text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Waits until the stream is closed, or the timeout passes; true when closed. */
    boolean awaitClosed(Duration timeout) throws InterruptedException {
        if (timeout.isZero()) {
            closed.await();
            return true;
        }
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Writes a keep-alive comment every {@code interval} until the stream closes or a write fails;
     * with {@link Duration#ZERO} it only waits for the close.
     */
    void keepAliveUntilClosed(Duration interval) throws InterruptedException {
        while (!awaitClosed(interval)) {
            if (!comment("keep-alive")) {
                return;
            }
        }
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    /** Refuses further messages and wakes the handler waiting on this stream; idempotent. */
    @Override
    public void close() {
        open = false;
        closed.countDown();
    }

    /**
     * Closes the stream, waits for a write in progress on another thread to end, and ends the HTTP
     * response; never throws. The owning handler calls it last, so no write races the response's end.
     */
    void finish() {
        close();
        lock.lock();
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            // The client is gone; Helidon reports it as an unchecked ServerConnectionException.
            LOG.log(System.Logger.Level.DEBUG, "closing the SSE response failed: {0}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return mapper.convertValue(data, typeRef);
    }

    private byte[] event(McpSchema.JSONRPCMessage message, String messageId) {
        String json;
        try {
            json = mapper.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder b = new StringBuilder(json.length() + 64);
        if (messageId != null) {
            b.append("id: ").append(messageId).append('\n');
        }
        b.append("event: message\n");
        appendData(b, json);
        return b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One {@code data:} line per line of {@code json}, split at CR LF, CR or LF. Compact JSON has no raw
     * line breaks; split anyway so that no mapper setting can break the framing. A loop, not
     * {@code String.split}, whose pattern would be compiled again for every message.
     */
    static void appendData(StringBuilder b, String json) {
        int start = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\r' || c == '\n') {
                b.append("data: ").append(json, start, i).append('\n');
                if (c == '\r' && i + 1 < json.length() && json.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        b.append("data: ").append(json, start, json.length()).append('\n');
    }

    private void write(byte[] bytes) {
        lock.lock();
        try {
            if (!open) {
                throw new IllegalStateException("the SSE stream is closed");
            }
            out.write(bytes);
            out.flush();
        } catch (IOException | RuntimeException e) {
            if (open) {
                LOG.log(System.Logger.Level.DEBUG, "SSE write failed, closing the stream: {0}", e.toString());
            }
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            lock.unlock();
        }
    }
}
