package dev.mcpoauth.helidon;

import dev.mcpoauth.LoginHandler;
import dev.mcpoauth.core.AuthorizationServer;
import dev.mcpoauth.core.McpServerDefinition;
import dev.mcpoauth.core.ServerConfig;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An OAuth-protected MCP server as a Helidon {@link HttpFeature}: add it to the routing of your own
 * WebServer, next to your own routes.
 *
 * <pre>{@code
 * McpOAuthFeature mcp = McpOAuthFeature.builder()
 *         .authorizationServer(engine)                  // dev.mcpoauth.core.AuthorizationServer
 *         .loginHandler(DefaultLoginHandler.create("my-app"))
 *         .mcp(definition)                              // tools, resources, prompts
 *         .build();
 * WebServer server = WebServer.builder().port(3000)
 *         .connectionOptions(HelidonTuning::mcpConnectionOptions)
 *         .routing(r -> r.get("/hello", (req, res) -> res.send("hi")).addFeature(mcp))
 *         .build().start();
 * ...
 * mcp.close();      // first: ends MCP sessions and their open streams
 * server.stop();
 * }</pre>
 *
 * <h2>Routes</h2>
 * <ul>
 *   <li>{@code GET|HEAD /.well-known/oauth-protected-resource} and
 *       {@code /.well-known/oauth-protected-resource{mcpPath}} (RFC 9728),
 *       {@code /.well-known/oauth-authorization-server} (RFC 8414), {@code /jwks}: 200 JSON, CORS {@code *};
 *       with a public base URL that has a path {@code /p}, also {@code /.well-known/oauth-authorization-server/p}
 *       and {@code /.well-known/oauth-protected-resource/p{mcpPath}}, the locations RFC 8414 §3.1 and
 *       RFC 9728 §3.1 give them on the public origin, for a proxy that forwards {@code /p/} here to forward too;
 *       {@code /.well-known/openid-configuration}: 404 JSON;</li>
 *   <li>{@code POST /register} (RFC 7591, JSON body): 201; {@code POST /token}: 200;
 *       {@code POST /revoke} (RFC 7009): 200 empty; {@code POST /introspect} (RFC 7662): 200 -
 *       form bodies, {@code Cache-Control: no-store}; all but introspection with CORS {@code *};</li>
 *   <li>{@code GET|HEAD /authorize}: 302 to the login page or to the client with an error; an
 *       untrusted client or redirect URI gets a 400 HTML page and never a redirect;</li>
 *   <li>{@code GET|HEAD|POST /oauth/login}: the {@link LoginHandler}'s response, written as it is;</li>
 *   <li>{@code GET|HEAD /oauth/assets/*}: the login pages' static files;</li>
 *   <li>{@code POST|GET|DELETE {mcpPath}}: Origin check (403), bearer check (401/403 with the
 *       engine's {@code WWW-Authenticate}), then MCP Streamable HTTP (or stateless, POST only);
 *       {@code OPTIONS} answers CORS preflights without a token.</li>
 * </ul>
 * Errors are the RFC 6749 §5.2 JSON object ({@code error}, {@code error_description}) with
 * {@code Cache-Control: no-store}: protocol errors with their status, a failing store as 503
 * {@code temporarily_unavailable}, anything unexpected as 500 {@code server_error} (logged, no
 * details sent); bodies over the limit get 413; other methods 405 with {@code Allow}. {@code /register},
 * {@code /token} and the login page are rate-limited per client address
 * ({@link TransportSettings#registerRateLimit()} and its siblings): beyond the limit, 429
 * {@code too_many_requests} with {@code Retry-After} (an HTML page at the login page).
 *
 * <h2>Debug</h2>
 * With {@link ServerConfig#debug()} on, every request to these routes is logged at INFO on the
 * logger {@code dev.mcpoauth.helidon.requests}: method, path, status and duration, never the query,
 * headers or body (they carry codes, credentials and tokens).
 *
 * <p>Thread safe. Close it before stopping the WebServer; closing is idempotent.
 */
public final class McpOAuthFeature implements HttpFeature, AutoCloseable {

    private final OAuthRoutes routes;

    private McpOAuthFeature(OAuthRoutes routes) {
        this.routes = routes;
    }

    /** Starts building a feature. */
    public static Builder builder() {
        return new Builder();
    }

    /** Registers every route; called by Helidon when the routing is built. */
    @Override
    public void setup(HttpRouting.Builder routing) {
        routes.register(routing);
    }

    /** The authorization server, or empty while a supplied one does not exist yet. */
    public Optional<AuthorizationServer> authorizationServer() {
        return routes.engine();
    }

    /**
     * Closes the MCP server: its sessions end, open streams close and later MCP requests get 503.
     * Does not close the authorization server or the store. Idempotent.
     */
    @Override
    public void close() {
        routes.close();
    }

    /** Closes the MCP server if the WebServer stopped first. */
    @Override
    public void afterStop() {
        close();
    }

    /**
     * Builds a {@link McpOAuthFeature}. The authorization server, the login handler and the MCP
     * definition are required; settings default to {@link TransportSettings#defaults()}. Not thread safe.
     */
    public static final class Builder {

        private Optional<ServerConfig> config = Optional.empty();
        private Optional<Supplier<Optional<AuthorizationServer>>> engine = Optional.empty();
        private Optional<LoginHandler> loginHandler = Optional.empty();
        private Optional<McpServerDefinition> mcp = Optional.empty();
        private TransportSettings settings = TransportSettings.defaults();

        private Builder() {
        }

        /** The authorization server the routes serve; its configuration gives the MCP path and debug. */
        public Builder authorizationServer(AuthorizationServer engine) {
            Objects.requireNonNull(engine, "engine");
            this.config = Optional.of(engine.config());
            this.engine = Optional.of(() -> Optional.of(engine));
            return this;
        }

        /**
         * An authorization server that will exist only once the WebServer has bound its port: with
         * port 0 and no public base URL the issuer contains that port. Until {@code engine} supplies
         * it, every route answers 503 {@code temporarily_unavailable} with {@code Retry-After}.
         *
         * @param config the configuration as asked, before binding (MCP path, debug, public base URL)
         * @param engine gives the server once it exists, empty before
         * @return this builder
         */
        public Builder authorizationServer(ServerConfig config, Supplier<Optional<AuthorizationServer>> engine) {
            this.config = Optional.of(Objects.requireNonNull(config, "config"));
            this.engine = Optional.of(Objects.requireNonNull(engine, "engine"));
            return this;
        }

        /** The login page served at {@code /oauth/login}. */
        public Builder loginHandler(LoginHandler loginHandler) {
            this.loginHandler = Optional.of(loginHandler);
            return this;
        }

        /** What the MCP endpoint serves. */
        public Builder mcp(McpServerDefinition definition) {
            this.mcp = Optional.of(definition);
            return this;
        }

        /** The transport settings. */
        public Builder settings(TransportSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Builds the feature and its MCP server.
         *
         * @return the feature, to add to a routing
         * @throws IllegalStateException naming every missing part
         */
        public McpOAuthFeature build() {
            java.util.List<String> missing = new java.util.ArrayList<>();
            if (engine.isEmpty()) {
                missing.add("authorizationServer(...)");
            }
            if (loginHandler.isEmpty()) {
                missing.add("loginHandler(...)");
            }
            if (mcp.isEmpty()) {
                missing.add("mcp(...)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("McpOAuthFeature needs " + String.join(", ", missing));
            }
            return new McpOAuthFeature(new OAuthRoutes(config.orElseThrow(), engine.orElseThrow(),
                    loginHandler.orElseThrow(), mcp.orElseThrow(), settings));
        }
    }
}
