package dev.mcpoauth.helidon.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The per-request transport for a client that accepts only {@code application/json}: it keeps the
 * final JSON-RPC response, which the handler then sends as the HTTP body.
 *
 * <p>Such a response cannot carry anything before the result, so progress and log notifications sent
 * during the call are dropped (logged at DEBUG), and a server-to-client request fails at once rather
 * than waiting for its timeout. Clients that want them accept {@code text/event-stream}, as the
 * specification requires of clients anyway.
 */
final class JsonReply implements McpStreamableServerTransport {

    private static final System.Logger LOG = System.getLogger(JsonReply.class.getName());

    private final McpJsonMapper mapper;
    private final AtomicReference<McpSchema.JSONRPCResponse> response = new AtomicReference<>();

    JsonReply(McpJsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        return Mono.defer(() -> {
            if (message instanceof McpSchema.JSONRPCResponse r && response.compareAndSet(null, r)) {
                return Mono.empty();
            }
            if (message instanceof McpSchema.JSONRPCRequest) {
                return Mono.error(new IllegalStateException(
                        "the client accepts only application/json, so the server cannot send it requests"));
            }
            LOG.log(System.Logger.Level.DEBUG, "dropping a message the JSON-only client cannot receive");
            return Mono.empty();
        });
    }

    /** The response the SDK produced, once the request has been handled. */
    Optional<McpSchema.JSONRPCResponse> response() {
        return Optional.ofNullable(response.get());
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return mapper.convertValue(data, typeRef);
    }
}
