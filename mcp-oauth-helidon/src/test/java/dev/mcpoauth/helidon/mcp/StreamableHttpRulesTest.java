package dev.mcpoauth.helidon.mcp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP rules of the Streamable HTTP endpoint, driven by hand-made requests. */
class StreamableHttpRulesTest {

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private RawMcp start(McpEndpointConfig config) {
        server = TestServer.start(config);
        return new RawMcp(server.endpoint());
    }

    private RawMcp start() {
        return start(McpEndpointConfig.builder().build());
    }

    @Test
    void initializeThenReturnsJsonWithASessionIdHeader() {
        RawMcp raw = start();

        HttpResponse<String> response = raw.post(RawMcp.INITIALIZE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.headers().firstValue("Mcp-Session-Id")).hasValueSatisfying(v -> assertThat(v).isNotBlank());
        assertThat(response.body()).contains("\"protocolVersion\"").contains("\"id\":1");
    }

    @Test
    void requestThenIsAnsweredAsServerSentEvents() {
        RawMcp raw = start();
        String session = raw.initialize();

        HttpResponse<String> response = raw.post(RawMcp.PING, "Mcp-Session-Id", session);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(response.body()).contains("event: message\n").contains("data: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
    }

    @Test
    void requestWhenClientAcceptsOnlyJsonThenIsAnsweredAsJson() {
        RawMcp raw = start();
        String session = raw.initialize();

        HttpResponse<String> response = raw.postAccepting("application/json", RawMcp.PING, "Mcp-Session-Id", session);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
    }

    @Test
    void postWhenClientAcceptsNeitherJsonNorSseThenIs406() {
        RawMcp raw = start();

        assertThat(raw.postAccepting("text/html", RawMcp.INITIALIZE).statusCode()).isEqualTo(406);
    }

    @Test
    void notificationThenIsAcceptedWith202() {
        RawMcp raw = start();
        String session = raw.initialize();

        HttpResponse<String> response = raw.post(RawMcp.INITIALIZED, "Mcp-Session-Id", session);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void requestWithoutSessionIdThenIs400() {
        RawMcp raw = start();
        raw.initialize();

        HttpResponse<String> response = raw.post(RawMcp.PING);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Mcp-Session-Id");
    }

    @Test
    void requestWithUnknownSessionIdThenIs404() {
        RawMcp raw = start();

        assertThat(raw.post(RawMcp.PING, "Mcp-Session-Id", "no-such-session").statusCode()).isEqualTo(404);
        assertThat(raw.method("GET", "text/event-stream", "Mcp-Session-Id", "no-such-session").statusCode()).isEqualTo(404);
    }

    @Test
    void foreignOriginThenIs403EvenWhenItsHostResolvesToLoopback() {
        RawMcp raw = start();
        int port = server.web.port();

        assertThat(raw.post(RawMcp.INITIALIZE, "Origin", "http://evil.example:" + port).statusCode()).isEqualTo(403);
        assertThat(raw.post(RawMcp.INITIALIZE, "Origin", "http://localhost:" + (port == 1 ? 2 : port - 1)).statusCode())
                .as("a loopback origin on another port is another site").isEqualTo(403);
        assertThat(raw.post(RawMcp.INITIALIZE, "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(raw.post(RawMcp.INITIALIZE, "Origin", "http://localhost:" + port).statusCode()).isEqualTo(200);
        assertThat(raw.post(RawMcp.INITIALIZE, "Origin", "http://127.0.0.1:" + port).statusCode()).isEqualTo(200);
    }

    @Test
    void configuredOriginThenIsAllowed() {
        RawMcp raw = start(McpEndpointConfig.builder().addAllowedOrigin("https://App.Example.com/").build());

        assertThat(raw.post(RawMcp.INITIALIZE, "Origin", "https://app.example.com").statusCode()).isEqualTo(200);
        assertThat(raw.post(RawMcp.INITIALIZE, "Origin", "https://other.example.com").statusCode()).isEqualTo(403);
    }

    @Test
    void unsupportedProtocolVersionThenIs400AndMissingHeaderIsAccepted() {
        RawMcp raw = start();
        String session = raw.initialize();

        HttpResponse<String> bad = raw.post(RawMcp.PING, "Mcp-Session-Id", session, "MCP-Protocol-Version", "1999-01-01");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("MCP-Protocol-Version");
        assertThat(bad.body()).as("the error names the request it answers").contains("\"id\":7");

        assertThat(raw.post(RawMcp.PING, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18").statusCode())
                .isEqualTo(200);
        assertThat(raw.post(RawMcp.PING, "Mcp-Session-Id", session).statusCode())
                .as("no header: the server assumes 2025-03-26").isEqualTo(200);
    }

    @Test
    void oversizedBodyThenIs413() {
        RawMcp raw = start(McpEndpointConfig.builder().maxBodyBytes(1024).build());
        String session = raw.initialize();
        String big = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(2048) + "\"}}";

        assertThat(raw.post(big, "Mcp-Session-Id", session).statusCode()).isEqualTo(413);
    }

    @Test
    void malformedJsonThenIs400WithAJsonRpcParseError() {
        RawMcp raw = start();

        HttpResponse<String> response = raw.post("{\"jsonrpc\":\"2.0\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":-32700").contains("\"id\":null");
    }

    @Test
    void batchThenIs400WithAnInvalidRequestError() {
        RawMcp raw = start();

        HttpResponse<String> response = raw.post("[" + RawMcp.INITIALIZE + "]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":-32600").contains("batch");
    }

    @Test
    void getWithoutEventStreamAcceptThenIs405() {
        RawMcp raw = start();
        String session = raw.initialize();

        HttpResponse<String> response = raw.method("GET", "application/json", "Mcp-Session-Id", session);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
    }

    @Test
    void otherMethodThenIs405() {
        RawMcp raw = start();

        assertThat(raw.method("PUT", RawMcp.BOTH).statusCode()).isEqualTo(405);
    }

    @Test
    void deleteThenEndsTheSessionAndUnknownSessionIs404() {
        RawMcp raw = start();
        String session = raw.initialize();

        assertThat(raw.method("DELETE", null, "Mcp-Session-Id", session).statusCode()).isEqualTo(204);
        assertThat(server.streamable().hasSession(session)).isFalse();
        assertThat(raw.post(RawMcp.PING, "Mcp-Session-Id", session).statusCode()).isEqualTo(404);
        assertThat(raw.method("DELETE", null, "Mcp-Session-Id", session).statusCode()).isEqualTo(404);
        assertThat(raw.method("DELETE", null).statusCode()).as("no session header").isEqualTo(400);
    }

    @Test
    @Timeout(30)
    void idleSessionThenIsEvictedAndItsIdAnswers404() {
        RawMcp raw = start(McpEndpointConfig.builder().sessionIdleTimeout(Duration.ofMillis(200)).build());
        String session = raw.initialize();

        Poll.until("the idle session was evicted", () -> !server.streamable().hasSession(session));

        assertThat(raw.post(RawMcp.PING, "Mcp-Session-Id", session).statusCode()).isEqualTo(404);
    }

    @Test
    @Timeout(30)
    void deleteThenEndsTheSessionsListeningStream() {
        RawMcp raw = start();
        String session = raw.initialize();
        HttpResponse<Stream<String>> listening = raw.listen(session);
        assertThat(listening.statusCode()).isEqualTo(200);

        assertThat(raw.method("DELETE", null, "Mcp-Session-Id", session).statusCode()).isEqualTo(204);

        assertEndedAfterItsOpening(listening);
    }

    @Test
    @Timeout(30)
    void closingTheServerThenEndsOpenListeningStreams() {
        RawMcp raw = start();
        String session = raw.initialize();
        HttpResponse<Stream<String>> listening = raw.listen(session);
        assertThat(listening.statusCode()).isEqualTo(200);

        server.stateful().closeGracefully();

        assertEndedAfterItsOpening(listening);
        assertThat(server.streamable().sessionCount()).isZero();
        assertThat(raw.post(RawMcp.INITIALIZE).statusCode()).as("a closed transport refuses work").isEqualTo(503);
    }

    /**
     * A listening stream that ended after what every one starts with: the priming event, then the
     * opening comment unless the session was closed before the handler got to write it (the client
     * sees the 200 as soon as the priming event is flushed, so its DELETE may win that race).
     */
    private static void assertEndedAfterItsOpening(HttpResponse<Stream<String>> listening) {
        try (Stream<String> lines = listening.body()) {
            List<String> all = lines.toList();
            assertThat(all).as("the stream ended after the priming event and, at most, the opening comment")
                    .hasSizeBetween(4, 6);
            assertThat(all.getFirst()).startsWith("id: ");
            assertThat(all.subList(1, 4)).containsExactly("retry: 2000", "data: ", "");
            assertThat(all.subList(4, all.size())).isIn(List.of(), List.of(": listening", ""));
        }
    }
}
