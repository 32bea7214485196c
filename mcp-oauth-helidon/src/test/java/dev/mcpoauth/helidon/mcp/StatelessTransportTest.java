package dev.mcpoauth.helidon.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK's stateless mode on Helidon, selected by configuration. */
class StatelessTransportTest {

    private TestServer server;
    private McpSyncClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void statelessConfigThenSelectsTheStatelessTransport() {
        assertThat(McpHttpTransport.create(McpEndpointConfig.builder().stateless(true).build()))
                .isInstanceOf(HelidonStatelessTransport.class);
        assertThat(McpHttpTransport.create(McpEndpointConfig.builder().build()))
                .isInstanceOf(HelidonStreamableTransport.class);
    }

    @Test
    void sdkClientThenInitializesListsCallsAndPingsWithoutASession() {
        server = TestServer.start(McpEndpointConfig.builder().stateless(true).build());
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.baseUrl())
                .endpoint("/mcp").requestBuilder(HttpRequest.newBuilder().header(TestServer.USER_HEADER, "carol")).build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();

        client.initialize();
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("add", "whoami");
        assertThat(StreamableTransportTest.text(client.callTool(
                McpSchema.CallToolRequest.builder("add").arguments(Map.of("a", 20, "b", 22)).build()))).isEqualTo("42");
        assertThat(StreamableTransportTest.text(client.callTool(
                McpSchema.CallToolRequest.builder("whoami").arguments(Map.of()).build())))
                .as("the principal a Helidon filter set reaches the stateless tool").isEqualTo("carol");
        assertThat(client.ping()).isNotNull();
    }

    @Test
    void initializeThenCarriesNoSessionIdAndGetAndDeleteAre405() {
        server = TestServer.start(McpEndpointConfig.builder().stateless(true).build());
        RawMcp raw = new RawMcp(server.endpoint());

        HttpResponse<String> init = raw.post(RawMcp.INITIALIZE);
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.headers().firstValue("Mcp-Session-Id")).isEmpty();

        assertThat(raw.method("GET", "text/event-stream").statusCode()).isEqualTo(405);
        assertThat(raw.method("DELETE", null).statusCode()).isEqualTo(405);
        assertThat(raw.post(RawMcp.INITIALIZED).statusCode()).isEqualTo(202);
        assertThat(raw.post(RawMcp.PING, "MCP-Protocol-Version", "1999-01-01").statusCode()).isEqualTo(400);
        assertThat(raw.post(RawMcp.PING, "Origin", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(raw.post("not json").statusCode()).isEqualTo(400);
    }
}
