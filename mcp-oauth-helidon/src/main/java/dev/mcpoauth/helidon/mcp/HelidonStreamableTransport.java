package dev.mcpoauth.helidon.mcp;

import io.helidon.webserver.http.HttpRules;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The MCP Streamable HTTP transport (MCP 2025-03-26 and later) on Helidon 4 SE: {@code POST},
 * {@code GET} and {@code DELETE} on the endpoint path, one SDK session per {@code Mcp-Session-Id}.
 *
 * <p>Register it on the routing ({@code routing.register(transport)}), build the SDK server on it
 * ({@code McpServer.sync(transport)}), and close the server (which closes this transport) before
 * stopping the web server. Thread safe. Sessions live in this process's memory, so several nodes
 * need sticky routing on {@code Mcp-Session-Id}, or the stateless mode.
 */
public final class HelidonStreamableTransport implements McpStreamableServerTransportProvider, McpHttpTransport {

    static final String ALLOW = "GET, POST, DELETE";
    private static final System.Logger LOG = System.getLogger(HelidonStreamableTransport.class.getName());

    private final McpEndpointConfig config;
    private final SessionRegistry sessions;
    private final StreamableHandlers handlers;
    private volatile McpStreamableServerSession.Factory sessionFactory;
    private volatile boolean closing;

    /** A transport configured by {@code config}; it starts evicting idle sessions at once. */
    public HelidonStreamableTransport(McpEndpointConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.sessions = new SessionRegistry(config.sessionIdleTimeout());
        this.handlers = new StreamableHandlers(config, sessions, () -> sessionFactory, protocolVersions());
    }

    @Override
    public McpEndpointConfig config() {
        return config;
    }

    @Override
    public void routing(HttpRules rules) {
        String path = config.path();
        Guard guard = new Guard(config, () -> closing);
        rules.post(path, guard.wrap(handlers::post))
                .get(path, guard.wrap(handlers::get))
                .delete(path, guard.wrap(handlers::delete))
                .any(path, (req, res) -> McpHttp.methodNotAllowed(res, ALLOW));
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
    }

    /** Sends a notification on the listening stream of every session that has one, concurrently. */
    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Mono.fromRunnable(() -> {
            List<McpStreamableServerSession> targets = sessions.all().stream()
                    .filter(McpStreamableServerSession::hasListeningStream).toList();
            // One virtual thread per client: a slow client must not hold up the others.
            try (ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor()) {
                targets.forEach(s -> fanOut.execute(() -> notifyQuietly(s, method, params)));
            }
        });
    }

    /** Sends a notification to one session; completes empty when the session is unknown. */
    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> sessions.peek(sessionId)
                .map(s -> s.sendNotification(method, params))
                .orElseGet(Mono::empty));
    }

    /** Refuses new requests (503) and closes every session and its streams. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            sessions.closeAll();
            handlers.close();
        });
    }

    /** The number of live sessions. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Whether the session with this id is live. */
    public boolean hasSession(String sessionId) {
        return sessions.peek(sessionId).isPresent();
    }

    /** The number of live sessions that have a GET listening stream open. */
    public long listeningSessionCount() {
        return sessions.all().stream().filter(McpStreamableServerSession::hasListeningStream).count();
    }

    private static void notifyQuietly(McpStreamableServerSession session, String method, Object params) {
        try {
            session.sendNotification(method, params).block();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "notifying MCP session {0} failed: {1}", session.getId(), e.toString());
        }
    }
}
