package dev.mcpoauth.helidon;

import dev.mcpoauth.Transport;
import dev.mcpoauth.core.AuthorizationServer;
import dev.mcpoauth.core.HostedServer;
import io.helidon.webserver.WebServer;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default {@link Transport}: a standalone Helidon 4 WebServer (handlers on virtual threads,
 * {@code TCP_NODELAY} on) serving a {@link McpOAuthFeature} on {@code config.host()} and
 * {@code config.port()}; port 0 binds a free port. Every other path gets a JSON 404.
 *
 * <p>The authorization server is created right after the port is bound, from
 * {@link HostedServer#configFor(int)}, because without a public base URL the issuer contains the
 * port. A request that arrives in the moment between binding and that creation gets
 * {@code 503 temporarily_unavailable} with {@code Retry-After: 1}; {@link #start()} returns only
 * after it. The transport does not close the authorization server or the store: their owner
 * ({@code McpOAuthServer}) does, after {@link #stop()}.
 *
 * <p>Thread safe; start and stop once each.
 */
public final class HelidonTransport implements Transport {

    private static final System.Logger LOG = System.getLogger(HelidonTransport.class.getName());

    private final HostedServer hosted;
    private final TransportSettings settings;
    private final AtomicReference<AuthorizationServer> engine = new AtomicReference<>();
    private volatile McpOAuthFeature feature;
    private volatile WebServer server;

    /**
     * A transport, not started.
     *
     * @param hosted   what to serve
     * @param settings how to treat HTTP
     */
    public HelidonTransport(HostedServer hosted, TransportSettings settings) {
        this.hosted = Objects.requireNonNull(hosted, "hosted");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Binds the port, creates the authorization server for it and serves; returns when requests are accepted.
     *
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalStateException when called twice
     */
    @Override
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("the transport was already started");
        }
        feature = McpOAuthFeature.builder()
                .authorizationServer(hosted.config(), () -> Optional.ofNullable(engine.get()))
                .loginHandler(hosted.loginHandler())
                .mcp(hosted.mcp())
                .settings(settings)
                .build();
        WebServer web = WebServer.builder()
                .host(hosted.config().host())
                .port(hosted.config().port())
                .connectionOptions(HelidonTuning::mcpConnectionOptions)
                .routing(routing -> {
                    feature.setup(routing);
                    NotFound.register(routing);
                })
                .build();
        try {
            server = web.start();
            if (!server.isRunning()) {
                // Helidon logs a bind failure and returns a server that is not running.
                throw new UncheckedIOException(new BindException("cannot listen on " + hosted.config().host() + ":"
                        + hosted.config().port() + "; is the port in use?"));
            }
        } catch (RuntimeException e) {
            feature.close();
            throw e;
        }
        try {
            engine.set(hosted.authorizationServer().apply(hosted.configFor(web.port())));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "{0} listening on {1}:{2,number,#} as {3} ({4})", hosted.appName(),
                hosted.config().host(), web.port(), baseUri(), settings.stateless() ? "stateless MCP" : "MCP sessions");
    }

    /** Closes the MCP server (sessions and streams end), then stops the WebServer. Idempotent. */
    @Override
    public synchronized void stop() {
        try {
            if (feature != null) {
                feature.close();
            }
        } finally {
            if (server != null && server.isRunning()) {
                server.stop();
            }
        }
    }

    /** The bound port; only after {@link #start()}. */
    @Override
    public int port() {
        return running().port();
    }

    /** The issuer: the public base URL, else {@code http://host:port} with the bound port; only after {@link #start()}. */
    @Override
    public URI baseUri() {
        running();
        return URI.create(Optional.ofNullable(engine.get()).map(e -> e.config().issuer())
                .orElseThrow(() -> new IllegalStateException("the transport has not finished starting")));
    }

    private WebServer running() {
        WebServer web = server;
        if (web == null) {
            throw new IllegalStateException("the transport has not been started");
        }
        return web;
    }
}
