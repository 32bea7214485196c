package dev.mcpoauth.helidon.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Blocking bridges from the SDK's Reactor API to the handlers' virtual threads. */
final class Reactive {

    private Reactive() {
    }

    /**
     * Subscribes with the MCP transport context in the Reactor context (where the SDK hands it to
     * the exchange tools see) and waits for the result.
     */
    static <T> T block(Mono<T> mono, McpTransportContext context) {
        return mono.contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
    }

    /** As {@link #block(Mono, McpTransportContext)}, giving up after {@code timeout}. */
    static <T> T block(Mono<T> mono, McpTransportContext context, Duration timeout) {
        return mono.contextWrite(c -> c.put(McpTransportContext.KEY, context)).block(timeout);
    }

    /** Serializes an SDK value to JSON bytes. */
    static byte[] json(McpJsonMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
