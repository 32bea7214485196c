package dev.mcpoauth.helidon.mcp;

import dev.mcpoauth.AuthenticatedPrincipal;
import dev.mcpoauth.helidon.HelidonTuning;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Filter;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;

import java.time.Instant;
import java.util.Set;

/**
 * A real Helidon WebServer on 127.0.0.1 with an ephemeral port, serving an MCP SDK server on the
 * transport under test, behind a filter that plays the bearer-token check: a request with header
 * {@code X-Test-User} gets an {@link AuthenticatedPrincipal} in its Helidon context.
 */
final class TestServer implements AutoCloseable {

    static final String USER_HEADER = "X-Test-User";

    final McpHttpTransport transport;
    final WebServer web;
    private final McpSyncServer stateful;
    private final McpStatelessSyncServer stateless;

    private TestServer(McpEndpointConfig config) {
        this.transport = McpHttpTransport.create(config);
        McpSchema.ServerCapabilities caps = McpSchema.ServerCapabilities.builder().tools(true).logging().build();
        if (transport instanceof HelidonStreamableTransport t) {
            this.stateful = McpServer.sync(t).serverInfo("test", "1").capabilities(caps)
                    .immediateExecution(true).tools(TestTools.stateful()).build();
            this.stateless = null;
        } else {
            this.stateless = McpServer.sync((HelidonStatelessTransport) transport).serverInfo("test", "1")
                    .capabilities(caps).immediateExecution(true).tools(TestTools.stateless()).build();
            this.stateful = null;
        }
        this.web = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .connectionOptions(HelidonTuning::mcpConnectionOptions)
                .routing(r -> r.addFilter(principalFilter()).register(transport))
                .build()
                .start();
    }

    static TestServer start(McpEndpointConfig config) {
        return new TestServer(config);
    }

    static TestServer start() {
        return start(McpEndpointConfig.builder().build());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + web.port();
    }

    String endpoint() {
        return baseUrl() + transport.config().path();
    }

    McpSyncServer stateful() {
        return stateful;
    }

    HelidonStreamableTransport streamable() {
        return (HelidonStreamableTransport) transport;
    }

    private static Filter principalFilter() {
        return (chain, req, res) -> {
            req.headers().first(HeaderNames.create(USER_HEADER)).ifPresent(user -> req.context().register(
                    AuthenticatedPrincipal.CONTEXT_KEY,
                    new AuthenticatedPrincipal(user, "test-client", Set.of("mcp"), "jti-" + user,
                            Instant.now().plusSeconds(300))));
            chain.proceed();
        };
    }

    @Override
    public void close() {
        try {
            if (stateful != null) {
                stateful.closeGracefully();
            } else {
                stateless.closeGracefully();
            }
        } finally {
            web.stop();
        }
    }
}
