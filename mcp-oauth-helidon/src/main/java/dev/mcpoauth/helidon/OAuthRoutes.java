package dev.mcpoauth.helidon;

import dev.mcpoauth.LoginHandler;
import dev.mcpoauth.core.AuthorizationServer;
import dev.mcpoauth.core.McpServerDefinition;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.helidon.mcp.McpEndpointConfig;
import dev.mcpoauth.helidon.mcp.McpServers;
import dev.mcpoauth.helidon.mcp.McpHttpTransport;
import dev.mcpoauth.helidon.mcp.OriginPolicy;
import io.helidon.webserver.http.HttpRules;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Everything the transport serves, assembled: discovery, the OAuth endpoints, the browser
 * endpoints, the login assets, and the MCP endpoint behind its gate, on one SDK server. The
 * exported {@code McpOAuthFeature} is a thin public face over this class.
 *
 * <p>Thread safe once built; {@link #close()} closes the MCP server (ending its sessions and
 * streams) and is idempotent.
 */
final class OAuthRoutes implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OAuthRoutes.class.getName());

    private final ServerConfig config;
    private final EngineRef engine;
    private final LoginHandler login;
    private final TransportSettings settings;
    private final McpHttpTransport transport;
    private final OriginPolicy origins;
    private final McpServers.Running mcpServer;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Builds the routes and starts the MCP server on its transport.
     *
     * @param config   the configuration known before binding: MCP path, debug, public base URL, host and port
     * @param engine   the engine, once it exists
     * @param login    the login page
     * @param mcp      what the MCP endpoint serves
     * @param settings the transport settings
     */
    public OAuthRoutes(ServerConfig config, Supplier<Optional<AuthorizationServer>> engine, LoginHandler login,
                       McpServerDefinition mcp, TransportSettings settings) {
        this.config = config;
        this.engine = new EngineRef(engine);
        this.login = login;
        this.settings = settings;
        Set<String> allowed = allowedOrigins(config, settings);
        this.origins = new OriginPolicy(allowed, true);
        this.transport = McpHttpTransport.create(endpointConfig(config.mcpPath(), settings, allowed));
        this.mcpServer = McpServers.start(mcp, transport);
    }

    /** The MCP endpoint's configuration: its path, the allowed origins, and the transport settings for it. */
    static McpEndpointConfig endpointConfig(String path, TransportSettings settings, Set<String> allowedOrigins) {
        return McpEndpointConfig.builder()
                .path(path)
                .maxBodyBytes(settings.mcpMaxBodyBytes())
                .allowedOrigins(allowedOrigins)
                .keepAliveInterval(settings.keepAliveInterval())
                .sessionIdleTimeout(settings.sessionIdleTimeout())
                .stateless(settings.stateless())
                .build();
    }

    /** Registers every route on {@code rules}. */
    public void register(HttpRules rules) {
        Guarded guarded = new Guarded(engine, new RequestLog(config.debug()));
        ClientAddress addresses = new ClientAddress(settings.trustedProxies());
        // The MCP endpoint first: it takes nearly every request, and Helidon tries routes in order.
        // ServerConfig keeps mcpPath off every path below, so the order changes nothing else.
        new McpGate(engine, origins, settings.stateless()).register(rules, config.mcpPath(), guarded);
        rules.register(transport);
        DiscoveryRoutes.register(rules, config.basePath(), config.mcpPath(), engine, guarded);
        TokenRoutes.register(rules, engine, guarded, settings.oauthMaxBodyBytes(), addresses,
                new RateLimiter(settings.registerRateLimit()), new RateLimiter(settings.tokenRateLimit()));
        BrowserRoutes.register(rules, engine, guarded, login, addresses, new RateLimiter(settings.loginRateLimit()),
                settings.oauthMaxBodyBytes());
        AssetRoutes.register(rules);
    }

    /** The engine, once it exists. */
    public Optional<AuthorizationServer> engine() {
        return engine.supplier().get();
    }

    /** Closes the MCP server: sessions end, open streams close, new MCP requests get 503. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            mcpServer.close();
        }
    }

    /** The browser origins of the MCP endpoint besides loopback ones: see {@link TransportSettings#originsExplicit()}. */
    private static Set<String> allowedOrigins(ServerConfig config, TransportSettings settings) {
        Set<String> allowed = new LinkedHashSet<>();
        issuerOrigin(config).ifPresent(allowed::add);
        if (settings.originsExplicit()) {
            allowed.addAll(settings.allowedOrigins());
        } else if (!config.localDeployment()) {
            allowed.addAll(TransportSettings.hostedClientOrigins());
        }
        LOG.log(System.Logger.Level.INFO, "MCP endpoint allows the browser origins {0} and loopback origins on its port{1}",
                allowed, settings.originsExplicit() ? " (mcp.allowed.origins)"
                        : config.localDeployment() ? " (default of a local server)" : " (default of a public server)");
        return allowed;
    }

    /**
     * The issuer's origin when it is known before binding: always with a public base URL or a fixed
     * port. With port 0 and no public base URL the issuer names the bound port, which the loopback
     * rule of the Origin policy already covers for loopback hosts.
     */
    private static Optional<String> issuerOrigin(ServerConfig config) {
        if (config.publicBaseUrl().isEmpty() && config.port() == 0) {
            return Optional.empty();
        }
        URI issuer = URI.create(config.issuer());
        return Optional.of(OriginPolicy.normalize(issuer.getScheme() + "://" + issuer.getRawAuthority()));
    }
}
