package dev.mcpoauth.helidon;

import dev.mcpoauth.core.McpOAuthServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import dev.mcpoauth.testing.LogCapture;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone transport's lifecycle and URLs. */
class HelidonTransportTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void stopWhileAnSdkClientHoldsItsListeningStreamThenReturnsAndReleasesThePort() {
        RunningServer server = RunningServer.start(dir);
        int port = server.server.port();
        Map<String, Object> tokens = server.client().publicTokens();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.base).endpoint("/mcp")
                .httpRequestCustomizer((b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + tokens.get("access_token")))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
        try {
            client.initialize();

            server.close();

            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                }
            }).as("nothing listens any more").isInstanceOf(IOException.class);
        } finally {
            client.close();
        }
    }

    @Test
    void startWhenAPublicBaseUrlIsSetThenTheIssuerIsThatUrlAndItsOriginMayCallMcp() {
        try (RunningServer server = RunningServer.start(dir, b -> b.publicBaseUrl("https://mcp.example.com/"))) {
            McpOAuthServer facade = server.server;
            String local = "http://127.0.0.1:" + facade.port();

            assertThat(facade.baseUri().toString()).isEqualTo("https://mcp.example.com");
            assertThat(facade.mcpUrl().toString()).isEqualTo("https://mcp.example.com/mcp");
            assertThat(Http.json(Http.get(local + "/.well-known/oauth-protected-resource/mcp")))
                    .containsEntry("resource", "https://mcp.example.com/mcp");
            HttpResponse<String> preflight = Http.send("OPTIONS", local + "/mcp", null, null,
                    "Origin", "https://mcp.example.com", "Access-Control-Request-Method", "POST");
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(Http.header(preflight, "Access-Control-Allow-Origin")).isEqualTo("https://mcp.example.com");
        }
    }

    @Test
    void startWhenThePortIsTakenThenFailsWithoutServing() throws IOException {
        try (RunningServer first = RunningServer.start(dir.resolve("a"))) {
            int taken = first.server.port();

            try (LogCapture log = LogCapture.of("io.helidon.webserver")) {
                assertThatThrownBy(() -> RunningServer.start(dir.resolve("b"), b -> b.port(taken)))
                        .isInstanceOf(UncheckedIOException.class).hasMessageContaining(":" + taken);
                assertThat(log.warnings()).as("Helidon says why it did not start")
                        .anyMatch(m -> m.contains("Failed to start listener"));
            }
            assertThat(Http.get(first.base + "/jwks").statusCode()).as("the first server is unaffected").isEqualTo(200);
        }
    }
}
