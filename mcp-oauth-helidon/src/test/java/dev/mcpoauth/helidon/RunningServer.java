package dev.mcpoauth.helidon;

import dev.mcpoauth.AuthenticatedPrincipal;
import dev.mcpoauth.core.McpOAuthServer;
import dev.mcpoauth.core.McpTools;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.login.DefaultLoginHandler;
import dev.mcpoauth.store.sqlite.SqliteTokenStore;
import io.modelcontextprotocol.server.McpServerFeatures;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The real server for endpoint tests, assembled through the facade: the Helidon transport (chosen
 * by id), the real engine, a real SQLite store in a temporary folder (owned by the test, so a test
 * can close it underneath the server) and the default login page. Listens on 127.0.0.1, port 0.
 */
final class RunningServer implements AutoCloseable {

    final McpOAuthServer server;
    final SqliteTokenStore store;
    final String base;

    private RunningServer(McpOAuthServer server, SqliteTokenStore store) {
        this.server = server;
        this.store = store;
        this.base = server.baseUri().toString();
    }

    /** Starts a server whose configuration {@code config} may adjust. */
    static RunningServer start(Path dir, UnaryOperator<ServerConfig.Builder> config) {
        return start(dir, config, Optional.empty());
    }

    /** Starts a server with a configuration and transport settings of its own (e.g. rate limits). */
    static RunningServer start(Path dir, UnaryOperator<ServerConfig.Builder> config, TransportSettings settings) {
        return start(dir, config, Optional.of(settings));
    }

    private static RunningServer start(Path dir, UnaryOperator<ServerConfig.Builder> config,
                                       Optional<TransportSettings> settings) {
        SqliteTokenStore store = SqliteTokenStore.open(dir.resolve("auth.db"));
        McpOAuthServer.Builder builder = McpOAuthServer.builder("Test App");
        settings.ifPresent(s -> builder.component(TransportSettings.class, s));
        McpOAuthServer server = builder
                .config(config.apply(ServerConfig.builder().host("127.0.0.1").port(0)).build())
                .userChecker((user, password) -> OAuthClient.USER.equals(user) && OAuthClient.PASSWORD.equals(password)
                        ? Optional.of("user-" + user) : Optional.empty())
                .tokenStore(store)
                .loginHandler(DefaultLoginHandler.create("Test App"))
                .transport("helidon")
                .tool(whoami())
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new RunningServer(server, store);
    }

    static RunningServer start(Path dir) {
        return start(dir, b -> b);
    }

    /** A tool answering with the calling user's id: proves the principal reaches tools. */
    static McpServerFeatures.SyncToolSpecification whoami() {
        return McpTools.text("whoami", "Who is calling", List.of(),
                call -> call.principal().map(AuthenticatedPrincipal::userId).orElse("anonymous"));
    }

    String mcp() {
        return base + "/mcp";
    }

    OAuthClient client() {
        return new OAuthClient(base);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            store.close();
        }
    }
}
