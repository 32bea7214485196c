package dev.mcpoauth.helidon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SSE stream of the MCP endpoint, behind the real bearer gate, opens with the priming event MCP
 * 2025-11-25 recommends ("Streamable HTTP", item 6; the conformance suite's {@code server-sse-polling}
 * warns without it): an event id, a {@code retry} field and an empty {@code data} field, before any
 * message. Its id is never reused.
 */
class SsePrimingTest {

    private static final Pattern PRIMING = Pattern.compile("id: [0-9a-f-]{36}\nretry: 2000\ndata: \n\n");
    private static final String SSE_ONLY = "text/event-stream";

    @TempDir
    static Path dir;
    static RunningServer server;
    static String bearer;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dir);
        bearer = "Bearer " + server.client().publicTokens().get("access_token");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String accept, String body, String... headers) {
        String[] all = Stream.concat(Stream.of("Accept", accept, "Authorization", bearer,
                "MCP-Protocol-Version", "2025-11-25"), Stream.of(headers)).toArray(String[]::new);
        return Http.post(server.mcp(), Http.JSON, body, all);
    }

    private static String session() {
        HttpResponse<String> init = post(McpGateTest.ACCEPT, McpGateTest.INITIALIZE);
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        String session = Http.header(init, "Mcp-Session-Id");
        assertThat(post(McpGateTest.ACCEPT, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "Mcp-Session-Id", session).statusCode()).isEqualTo(202);
        return session;
    }

    @Test
    void initializeAnsweredOverSseThenPrimingEventComesFirst() {
        HttpResponse<String> response = post(SSE_ONLY, McpGateTest.INITIALIZE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.header(response, "Content-Type")).startsWith(SSE_ONLY);
        assertThat(PRIMING.matcher(response.body()).lookingAt()).as("starts with the priming event: %s", response.body())
                .isTrue();
        assertThat(response.body().substring(response.body().indexOf("\n\n") + 2))
                .startsWith("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":");
    }

    @Test
    void toolCallAnsweredOverSseThenPrimingEventThenTheResultAndFreshIds() {
        String session = session();
        String call = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"arguments\":{}}}";

        HttpResponse<String> first = post(McpGateTest.ACCEPT, call, "Mcp-Session-Id", session);
        HttpResponse<String> second = post(McpGateTest.ACCEPT, call, "Mcp-Session-Id", session);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(PRIMING.matcher(first.body()).lookingAt()).as("starts with the priming event: %s", first.body()).isTrue();
        assertThat(first.body()).contains("\"id\":5").contains("user-alice");
        assertThat(first.body().lines().findFirst()).isNotEqualTo(second.body().lines().findFirst());
    }

    @Test
    @Timeout(30)
    void listeningStreamThenPrimingEventBeforeAnythingElse() throws Exception {
        String session = session();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.mcp())).GET()
                .header("Accept", SSE_ONLY).header("Authorization", bearer).header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25").build();
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<Stream<String>> listening = http.send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(listening.statusCode()).isEqualTo(200);
            try (Stream<String> lines = listening.body()) {
                Iterator<String> it = lines.iterator();
                List<String> opening = List.of(it.next(), it.next(), it.next(), it.next());

                assertThat(String.join("\n", opening) + "\n").matches(PRIMING.pattern());
            }
        } finally {
            // The stream stays open on the server's side; do not wait for it.
            http.shutdownNow();
        }
    }
}
