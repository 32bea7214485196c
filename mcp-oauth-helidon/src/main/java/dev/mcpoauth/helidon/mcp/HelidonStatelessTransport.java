package dev.mcpoauth.helidon.mcp;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * The MCP Java SDK's stateless mode on Helidon 4 SE: every {@code POST} is answered on its own,
 * with no session, no GET stream and no server-to-client requests; {@code GET} and {@code DELETE}
 * get 405, which tells clients there is no listening stream to open. Any node can answer any request,
 * so it scales out without sticky routing. Thread safe.
 */
public final class HelidonStatelessTransport implements McpStatelessServerTransport, McpHttpTransport {

    private static final String ALLOW = "POST";

    private final McpEndpointConfig config;
    private final RequestChecks checks;
    private final JsonRpcReader reader;
    private volatile McpStatelessServerHandler handler;
    private volatile boolean closing;

    /** A stateless transport configured by {@code config}. */
    public HelidonStatelessTransport(McpEndpointConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.checks = new RequestChecks(config);
        this.reader = new JsonRpcReader(config.jsonMapper(), config.maxBodyBytes());
    }

    @Override
    public McpEndpointConfig config() {
        return config;
    }

    @Override
    public void routing(HttpRules rules) {
        Guard guard = new Guard(config, () -> closing);
        rules.post(config.path(), guard.wrap(this::post))
                .any(config.path(), (req, res) -> McpHttp.methodNotAllowed(res, ALLOW));
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
        this.handler = Objects.requireNonNull(mcpHandler, "mcpHandler");
    }

    /** Refuses new requests with 503; there are no sessions to close. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> closing = true);
    }

    private void post(ServerRequest req, ServerResponse res) {
        AcceptedTypes accept = checks.postAccept(req);
        McpSchema.JSONRPCMessage message = reader.read(req);
        McpStatelessServerHandler h = handler;
        if (h == null) {
            throw new RejectedRequest(Status.SERVICE_UNAVAILABLE_503, McpHttp.INTERNAL_ERROR, "the MCP server is not ready");
        }
        if (!(message instanceof McpSchema.JSONRPCRequest r && McpSchema.METHOD_INITIALIZE.equals(r.method()))) {
            checks.protocolVersion(req, protocolVersions());
        }
        McpTransportContext context = config.contextExtractor().extract(req);
        if (message instanceof McpSchema.JSONRPCRequest request) {
            McpSchema.JSONRPCResponse response = Reactive.block(h.handleRequest(context, request), context);
            if (accept.json()) {
                McpHttp.sendJson(res, Status.OK_200, Reactive.json(config.jsonMapper(), response));
            } else {
                sendAsEvent(res, response, config);
            }
        } else if (message instanceof McpSchema.JSONRPCNotification notification) {
            Reactive.block(h.handleNotification(context, notification), context);
            res.status(Status.ACCEPTED_202).send();
        } else {
            throw new RejectedRequest(Status.BAD_REQUEST_400, McpHttp.INVALID_REQUEST,
                    "a stateless server sends no requests, so it takes no responses");
        }
    }

    private static void sendAsEvent(ServerResponse res, McpSchema.JSONRPCResponse response, McpEndpointConfig config) {
        SseStream stream = SseStream.open(res, config.jsonMapper());
        try {
            stream.sendMessage(response).block();
        } catch (RuntimeException e) {
            System.getLogger(HelidonStatelessTransport.class.getName())
                    .log(System.Logger.Level.DEBUG, "client went away: {0}", e.toString());
        } finally {
            stream.finish();
        }
    }
}
