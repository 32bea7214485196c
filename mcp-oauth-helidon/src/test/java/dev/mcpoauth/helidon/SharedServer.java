package dev.mcpoauth.helidon;

import dev.mcpoauth.core.McpOAuthServer;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.store.sqlite.SqliteTokenStore;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One real server for all tests of a class, without rate limits (attack suites fire many requests
 * from one address): {@code @RegisterExtension static final SharedServer server = SharedServer.create();}
 * then {@code server.oauth}, {@code server.base}. Started before the first test, on a fresh SQLite file
 * in its own temporary folder, and stopped, folder deleted, after the last.
 */
final class SharedServer implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<ServerConfig.Builder> config;
    private Path dir;
    private RunningServer running;
    /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    String base;
    /** A client of the OAuth endpoints of the server. */
    OAuthClient oauth;
    /** The server's store. */
    SqliteTokenStore store;
    /** The server itself. */
    McpOAuthServer server;

    private SharedServer(UnaryOperator<ServerConfig.Builder> config) {
        this.config = config;
    }

    /** A server with the default configuration. */
    static SharedServer create() {
        return new SharedServer(b -> b);
    }

    /** A server whose configuration {@code config} adjusts. */
    static SharedServer create(UnaryOperator<ServerConfig.Builder> config) {
        return new SharedServer(config);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("mcp-oauth-" + context.getRequiredTestClass().getSimpleName());
        running = RunningServer.start(dir, config, TransportSettings.defaults().withoutRateLimits());
        base = running.base;
        store = running.store;
        server = running.server;
        oauth = running.client();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(SharedServer::delete);
                }
            }
        }
    }

    /** The MCP endpoint's URL. */
    String mcp() {
        return running.mcp();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
