package dev.mcpoauth.helidon.mcp;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The POST, GET and DELETE handlers of the Streamable HTTP endpoint. Each runs on the request's
 * virtual thread and blocks on the SDK's {@code Mono}s; with a sync server built with
 * {@code immediateExecution(true)} a tool handler runs on this very thread.
 */
final class StreamableHandlers {

    private static final System.Logger LOG = System.getLogger(StreamableHandlers.class.getName());
    private static final Duration DELETE_WAIT = Duration.ofSeconds(10);

    private final McpEndpointConfig config;
    private final RequestChecks checks;
    private final JsonRpcReader reader;
    private final SessionRegistry sessions;
    private final Supplier<McpStreamableServerSession.Factory> factory;
    private final List<String> versions;
    private final KeepAlives keepAlives;

    StreamableHandlers(McpEndpointConfig config, SessionRegistry sessions,
                       Supplier<McpStreamableServerSession.Factory> factory, List<String> versions) {
        this.config = config;
        this.checks = new RequestChecks(config);
        this.reader = new JsonRpcReader(config.jsonMapper(), config.maxBodyBytes());
        this.sessions = sessions;
        this.factory = factory;
        this.versions = List.copyOf(versions);
        this.keepAlives = new KeepAlives(config.keepAliveInterval());
    }

    void post(ServerRequest req, ServerResponse res) {
        AcceptedTypes accept = checks.postAccept(req);
        McpSchema.JSONRPCMessage message = reader.read(req);
        McpTransportContext context = config.contextExtractor().extract(req);
        if (message instanceof McpSchema.JSONRPCRequest r && McpSchema.METHOD_INITIALIZE.equals(r.method())) {
            initialize(r, accept, context, res);
            return;
        }
        McpStreamableServerSession session;
        try {
            checks.protocolVersion(req, versions);
            session = session(req);
        } catch (RejectedRequest e) {
            // JSON-RPC: an error about a request carries that request's id.
            throw message instanceof McpSchema.JSONRPCRequest r ? e.about(r.id()) : e;
        }
        if (message instanceof McpSchema.JSONRPCRequest request) {
            respond(session, request, accept, context, res);
        } else if (message instanceof McpSchema.JSONRPCNotification notification) {
            try {
                Reactive.block(session.accept(notification), context);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "MCP notification {0} failed: {1}", notification.method(), e.toString());
            }
            res.status(Status.ACCEPTED_202).send();
        } else if (message instanceof McpSchema.JSONRPCResponse response) {
            try {
                Reactive.block(session.accept(response), context);
            } catch (RuntimeException e) {
                throw new RejectedRequest(Status.BAD_REQUEST_400, McpHttp.INVALID_REQUEST,
                        "no request of this server is waiting for a response with this id");
            }
            res.status(Status.ACCEPTED_202).send();
        }
    }

    void get(ServerRequest req, ServerResponse res) {
        if (!AcceptedTypes.of(req.headers()).sse()) {
            McpHttp.methodNotAllowed(res, HelidonStreamableTransport.ALLOW);
            return;
        }
        checks.protocolVersion(req, versions);
        String id = sessionId(req);
        McpStreamableServerSession session = sessions.use(id).orElseThrow(StreamableHandlers::unknownSession);
        SseStream stream = SseStream.open(res, config.jsonMapper());
        try {
            // Last-Event-ID needs no branch: the SDK keeps no event history (its replay is empty).
            var listening = session.listeningStream(stream);
            try {
                // A DELETE, eviction or shutdown may have closed the session between the lookup and
                // the registration, and would then never close this stream: check again after it.
                if (sessions.peek(id).orElse(null) != session || !stream.comment("listening")) {
                    return;
                }
                stream.keepAliveUntilClosed(config.keepAliveInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                // Release, not close: a server request pending on this stream may still be answered by POST.
                listening.releaseTransport();
            }
        } finally {
            stream.finish();
        }
    }

    void delete(ServerRequest req, ServerResponse res) {
        checks.protocolVersion(req, versions);
        String id = sessionId(req);
        McpStreamableServerSession session = sessions.remove(id).orElseThrow(StreamableHandlers::unknownSession);
        try {
            Reactive.block(session.delete(), config.contextExtractor().extract(req), DELETE_WAIT);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "deleting MCP session failed: {0}", e.toString());
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void initialize(McpSchema.JSONRPCRequest request, AcceptedTypes accept, McpTransportContext context,
                            ServerResponse res) {
        McpStreamableServerSession.Factory sessionFactory = factory.get();
        if (sessionFactory == null) {
            throw new RejectedRequest(Status.SERVICE_UNAVAILABLE_503, McpHttp.INTERNAL_ERROR,
                    "the MCP server is not ready", request.id());
        }
        McpSchema.InitializeRequest params;
        try {
            params = config.jsonMapper().convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {
            });
        } catch (RuntimeException e) {
            params = null;
        }
        if (params == null) {
            throw new RejectedRequest(Status.BAD_REQUEST_400, McpHttp.INVALID_PARAMS,
                    "invalid initialize parameters", request.id());
        }
        McpStreamableServerSession.McpStreamableServerSessionInit init = sessionFactory.startSession(params);
        McpSchema.InitializeResult result;
        try {
            result = Reactive.block(init.initResult(), context);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "MCP initialize failed: {0}", e.toString());
            init.session().close();
            throw new RejectedRequest(Status.INTERNAL_SERVER_ERROR_500, McpHttp.INTERNAL_ERROR,
                    "initialization failed", request.id());
        }
        sessions.add(init.session());
        res.header(McpHttp.SESSION_ID, init.session().getId());
        McpSchema.JSONRPCResponse response = McpSchema.JSONRPCResponse.result(request.id(), result);
        if (accept.json()) {
            McpHttp.sendJson(res, Status.OK_200, Reactive.json(config.jsonMapper(), response));
        } else {
            sendSingleEvent(res, response);
        }
    }

    private void respond(McpStreamableServerSession session, McpSchema.JSONRPCRequest request,
                         AcceptedTypes accept, McpTransportContext context, ServerResponse res) {
        if (!accept.sse()) {
            JsonReply reply = new JsonReply(config.jsonMapper());
            Reactive.block(session.responseStream(reply).handle(request), context);
            McpSchema.JSONRPCResponse response = reply.response().orElseThrow(() -> new RejectedRequest(
                    Status.INTERNAL_SERVER_ERROR_500, McpHttp.INTERNAL_ERROR, "no response produced", request.id()));
            McpHttp.sendJson(res, Status.OK_200, Reactive.json(config.jsonMapper(), response));
            return;
        }
        SseStream stream = SseStream.open(res, config.jsonMapper());
        try (KeepAlives.Ticket ignored = keepAlives.start(stream)) {
            Reactive.block(session.responseStream(stream).handle(request), context);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "MCP response stream ended early: {0}", e.toString());
        } finally {
            stream.finish();
        }
    }

    /** Stops the keep-alive sweep of POST answers; the transport calls it when it closes. */
    void close() {
        keepAlives.close();
    }

    private void sendSingleEvent(ServerResponse res, McpSchema.JSONRPCResponse response) {
        SseStream stream = SseStream.open(res, config.jsonMapper());
        try {
            stream.sendMessage(response).block();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away before the initialize result: {0}", e.toString());
        } finally {
            stream.finish();
        }
    }

    private McpStreamableServerSession session(ServerRequest req) {
        return sessions.use(sessionId(req)).orElseThrow(StreamableHandlers::unknownSession);
    }

    private static String sessionId(ServerRequest req) {
        return req.headers().first(McpHttp.SESSION_ID).map(String::trim).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new RejectedRequest(Status.BAD_REQUEST_400, McpHttp.INVALID_REQUEST,
                        "the Mcp-Session-Id header is required"));
    }

    private static RejectedRequest unknownSession() {
        return new RejectedRequest(Status.NOT_FOUND_404, McpHttp.SESSION_NOT_FOUND,
                "Session not found; initialize a new session");
    }
}
