package dev.mcpoauth.helidon;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Official MCP Java SDK clients with a bearer token, closed together after a test. */
final class SdkClients implements AutoCloseable {

    private final List<McpSyncClient> clients = new ArrayList<>();

    /** A client of the MCP endpoint at {@code baseUrl + "/mcp"} sending {@code accessToken} on every request. */
    McpSyncClient connect(String baseUrl, String accessToken) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + accessToken))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
        clients.add(client);
        return client;
    }

    /** Calls {@link RunningServer#whoami()}'s tool and returns its answer. */
    static String whoami(McpSyncClient client) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("whoami").arguments(Map.of()).build());
        assertThat(result.isError()).isFalse();
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    @Override
    public void close() {
        clients.forEach(McpSyncClient::close);
    }
}
