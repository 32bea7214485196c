package dev.mcpoauth.bench.load;

import dev.mcpoauth.core.McpServerDefinition;
import dev.mcpoauth.core.McpTools;
import dev.mcpoauth.core.ToolArg;
import dev.mcpoauth.helidon.HelidonTuning;
import dev.mcpoauth.helidon.OpenEndpointProbe;
import dev.mcpoauth.helidon.TransportSettings;
import dev.mcpoauth.helidon.mcp.McpEndpointConfig;
import dev.mcpoauth.helidon.mcp.McpHttpTransport;
import dev.mcpoauth.helidon.mcp.McpServers;
import dev.mcpoauth.spi.ProviderSettings;
import io.helidon.webserver.WebServer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The example server's MCP endpoint without OAuth, for the load benchmark only: the same Helidon
 * WebServer settings ({@link HelidonTuning}), the same MCP transport and endpoint configuration as
 * {@code OAuthRoutes} builds them, the same SDK server ({@link McpServers}) and the same {@code echo}
 * tool as {@code FileCredentialsServer}. Missing, on purpose: the OAuth gate in front of {@code /mcp}
 * (Origin pre-check, bearer validation, principal in the request context) and the OAuth routes on
 * other paths. Also serves {@code GET /hello}, a bare Helidon handler, as the web server's ceiling.
 *
 * <p>{@code java -cp ... dev.mcpoauth.bench.load.OpenMcpServer [--host H] [--port N]}; transport
 * settings come from the same {@code mcpoauth.*} system properties as the product's, e.g.
 * {@code -Dmcpoauth.mcp.stateless=true}. Runs until the process is stopped.
 */
public final class OpenMcpServer {

    private OpenMcpServer() {
    }

    /** Starts the server and waits until the process is stopped. */
    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 3001;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: [--host H] [--port N], not " + args[i]);
            }
        }
        TransportSettings settings = OpenEndpointProbe.settings(new ProviderSettings(mcpoauthProperties()));
        // As OAuthRoutes: the configured origins plus the issuer's origin (fixed port, no public URL).
        Set<String> allowed = new LinkedHashSet<>(settings.allowedOrigins());
        allowed.add("http://" + host + ":" + port);
        McpHttpTransport transport = McpHttpTransport.create(
                OpenEndpointProbe.endpointConfig(McpEndpointConfig.DEFAULT_PATH, settings, allowed));
        McpServers.Running mcp = McpServers.start(echoServer(), transport);
        WebServer web = WebServer.builder()
                .host(host)
                .port(port)
                .connectionOptions(HelidonTuning::mcpConnectionOptions)
                .routing(routing -> {
                    routing.get("/hello", (req, res) -> res.send("Hello World!"));
                    routing.register(transport);
                    OpenEndpointProbe.registerNotFound(routing);
                })
                .build()
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mcp.close();
            web.stop();
            stopped.countDown();
        }, "open-mcp-shutdown"));
        System.out.println("open MCP server (no OAuth) at http://" + host + ":" + web.port() + "/mcp, "
                + (settings.stateless() ? "stateless" : "sessions") + "; hello at /hello");
        stopped.await();
    }

    /** What {@code FileCredentialsServer} serves: app {@code my-app} 1.0.0 with its {@code echo} tool. */
    static McpServerDefinition echoServer() {
        return new McpServerDefinition("my-app", "1.0.0", Optional.empty(),
                List.of(McpTools.text("echo", "Echo back the input message.",
                        List.of(ToolArg.string("message", "The message to echo")),
                        call -> "Echo: " + call.string("message"))),
                List.of(), List.of(), List.of(), List.of());
    }

    /** The {@code mcpoauth.*} system properties without the prefix, as the product reads them. */
    private static Map<String, String> mcpoauthProperties() {
        Map<String, String> values = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.startsWith("mcpoauth.")) {
                values.put(key.substring("mcpoauth.".length()), String.valueOf(v));
            }
        });
        return values;
    }
}
