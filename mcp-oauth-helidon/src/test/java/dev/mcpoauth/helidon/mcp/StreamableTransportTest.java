package dev.mcpoauth.helidon.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import dev.mcpoauth.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Streamable HTTP transport driven by the MCP Java SDK's own client over real HTTP. */
class StreamableTransportTest {

    private TestServer server;
    private final List<McpSyncClient> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(McpSyncClient::close);
        if (server != null) {
            // A client reconnecting while Helidon stops makes it log "Executor rejected handler for new
            // connection" (SEVERE, harmless, not every time): kept out of the build log.
            try (LogCapture ignored = LogCapture.of("io.helidon.webserver.ServerListener")) {
                server.close();
            }
        }
    }

    @Test
    void sdkClientWhenRunningAFullConversationThenEveryStepSucceedsAndCloseDeletesTheSession() {
        server = TestServer.start();
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
        McpSyncClient client = client(spec -> spec.progressConsumer(progress::add).loggingConsumer(logs::add), null);

        McpSchema.InitializeResult init = client.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("test");
        assertThat(server.streamable().sessionCount()).as("initialize opens one session").isEqualTo(1);

        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .contains("add", "whoami", "session", "progress");

        McpSchema.CallToolResult sum = client.callTool(McpSchema.CallToolRequest.builder("add").arguments(Map.of("a", 2, "b", 40)).build());
        assertThat(text(sum)).isEqualTo("42");

        McpSchema.CallToolResult done = client.callTool(McpSchema.CallToolRequest.builder("progress").arguments(Map.of()).progressToken("tok-1").build());
        assertThat(text(done)).isEqualTo("done");
        // Sent on the POST's SSE stream before the result; the client dispatches them asynchronously.
        Poll.until("3 progress and 1 log notification arrived", () -> progress.size() == 3 && logs.size() == 1);
        // The SDK client hands notifications to its consumers asynchronously: arrival order is not wire order.
        assertThat(progress).extracting(McpSchema.ProgressNotification::progress).containsExactlyInAnyOrder(1.0, 2.0, 3.0);
        assertThat(progress).allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("tok-1"));
        assertThat(logs).extracting(McpSchema.LoggingMessageNotification::data).containsExactly("working");

        assertThat(client.ping()).isNotNull();

        client.closeGracefully();
        Poll.until("the client's DELETE removed its session", () -> server.streamable().sessionCount() == 0);
    }

    @Test
    void syncToolWithImmediateExecutionThenRunsOnTheRequestsVirtualThread() {
        server = TestServer.start();
        McpSyncClient client = client(spec -> { }, null);
        client.initialize();

        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("thread").arguments(Map.of()).build());

        assertThat(text(result)).as("the tool ran on Helidon's virtual thread").isEqualTo("true");
    }

    @Test
    void serverNotificationWhenClientListensThenArrivesOverTheGetStream() throws Exception {
        server = TestServer.start();
        CompletableFuture<List<McpSchema.Tool>> changed = new CompletableFuture<>();
        McpSyncClient client = client(spec -> spec.toolsChangeConsumer(changed::complete), null);
        client.initialize();
        Poll.until("the client opened its GET listening stream", () -> server.streamable().listeningSessionCount() == 1);

        server.stateful().addTool(io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification.builder()
                .tool(TestTools.tool("late")).callHandler((ex, req) -> TestTools.text("late")).build());

        assertThat(changed.get(15, TimeUnit.SECONDS)).extracting(McpSchema.Tool::name).contains("late");
    }

    @Test
    void notifyClientWhenClientListensThenOnlyThatClientGetsTheLogMessage() {
        server = TestServer.start();
        List<McpSchema.LoggingMessageNotification> first = new CopyOnWriteArrayList<>();
        List<McpSchema.LoggingMessageNotification> second = new CopyOnWriteArrayList<>();
        McpSyncClient target = client(spec -> spec.loggingConsumer(first::add), null);
        McpSyncClient other = client(spec -> spec.loggingConsumer(second::add), null);
        target.initialize();
        other.initialize();
        String targetSession = text(target.callTool(McpSchema.CallToolRequest.builder("session").arguments(Map.of()).build()));
        Poll.until("both clients opened their GET listening streams", () -> server.streamable().listeningSessionCount() == 2);

        server.streamable().notifyClient(targetSession, McpSchema.METHOD_NOTIFICATION_MESSAGE,
                McpSchema.LoggingMessageNotification.builder(McpSchema.LoggingLevel.WARNING, "just for you").build()).block();
        server.streamable().notifyClient("no-such-session", McpSchema.METHOD_NOTIFICATION_MESSAGE,
                McpSchema.LoggingMessageNotification.builder(McpSchema.LoggingLevel.WARNING, "nobody").build()).block();
        // A broadcast after the targeted message: once the other client has it, it would have had the first too.
        server.streamable().notifyClients(McpSchema.METHOD_NOTIFICATION_MESSAGE,
                McpSchema.LoggingMessageNotification.builder(McpSchema.LoggingLevel.WARNING, "everyone").build()).block();

        Poll.until("both clients got the broadcast", () -> first.size() == 2 && second.size() == 1);
        // The SDK client dispatches notifications asynchronously, so their order on arrival is not the wire order.
        assertThat(first).extracting(McpSchema.LoggingMessageNotification::data)
                .containsExactlyInAnyOrder("just for you", "everyone");
        assertThat(second).extracting(McpSchema.LoggingMessageNotification::data).containsExactly("everyone");
    }

    @Test
    @Timeout(30)
    void postAnswerWhenToolIsSlowThenCarriesKeepAlivesBeforeTheResult() throws Exception {
        server = TestServer.start(McpEndpointConfig.builder().keepAliveInterval(Duration.ofMillis(50)).build());
        // The tool finishes only once the client has read three keep-alives: no count depends on timing.
        java.util.concurrent.CountDownLatch threeKeepAlivesRead = new java.util.concurrent.CountDownLatch(1);
        server.stateful().addTool(io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification.builder()
                .tool(TestTools.tool("slow")).callHandler((ex, req) -> {
                    try {
                        threeKeepAlivesRead.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return TestTools.text("done");
                }).build());
        RawMcp raw = new RawMcp(server.endpoint());
        String session = raw.initialize();

        List<String> lines = new java.util.ArrayList<>();
        try (Stream<String> answer = raw.postStreaming("""
                {"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"slow","arguments":{}}}""",
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18").body()) {
            java.util.Iterator<String> it = answer.iterator();
            int keepAlives = 0;
            while (it.hasNext()) {
                String line = it.next();
                lines.add(line);
                if (line.equals(": keep-alive") && ++keepAlives == 3) {
                    threeKeepAlivesRead.countDown();
                }
                if (line.contains("done")) {
                    break;
                }
            }
        }

        String slow = String.join("\n", lines);
        assertThat(slow).as("the priming event comes first").matches("(?s)id: [^\n]+\nretry: 2000\ndata: \n\n.*");
        String afterPriming = slow.substring(slow.indexOf("\n\n") + 2);
        assertThat(afterPriming).startsWith(": keep-alive\n\n").contains("event: message").contains("done");
        String beforeResult = afterPriming.substring(0, afterPriming.indexOf("event: message"));
        assertThat(beforeResult.split(": keep-alive\n\n", -1).length - 1)
                .as("the tool answered only after three keep-alives: %s", beforeResult).isGreaterThanOrEqualTo(3);
        assertThat(raw.post(RawMcp.PING, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18").statusCode())
                .isEqualTo(200);
    }

    @Test
    @Timeout(60)
    void listeningStreamWhenManyKeepAlivesWereSentThenStillDeliversNotifications() throws Exception {
        server = TestServer.start(McpEndpointConfig.builder().keepAliveInterval(Duration.ofMillis(1)).build());
        CompletableFuture<List<McpSchema.Tool>> changed = new CompletableFuture<>();
        McpSyncClient client = client(spec -> spec.toolsChangeConsumer(changed::complete), null);
        client.initialize();
        Poll.until("the client opened its GET listening stream", () -> server.streamable().listeningSessionCount() == 1);
        // More keep-alive comments than the client's SSE pipeline prefetches (256): a keep-alive that
        // consumed client demand without giving it back would stall the stream after that many. A
        // second, raw listener on the same server receives keep-alives at the same pace and counts them.
        RawMcp raw = new RawMcp(server.endpoint());
        try (Stream<String> lines = raw.listen(raw.initialize()).body()) {
            assertThat(lines.filter(l -> l.startsWith(":")).limit(1500).count()).isEqualTo(1500);
        }

        server.stateful().addTool(io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification.builder()
                .tool(TestTools.tool("late")).callHandler((ex, req) -> TestTools.text("late")).build());

        assertThat(changed.get(15, TimeUnit.SECONDS)).extracting(McpSchema.Tool::name).contains("late");
    }

    @Test
    void twoConcurrentClientsThenGetSeparateSessionsAndTheirOwnPrincipals() throws Exception {
        server = TestServer.start();
        List<String> a;
        List<String> b;
        // Not the common pool: on a 2-core machine it has one worker, and the SDK client needs it too.
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<List<String>> alice = threads.submit(() -> sessionAndUser("alice"));
            Future<List<String>> bob = threads.submit(() -> sessionAndUser("bob"));
            a = alice.get(30, TimeUnit.SECONDS);
            b = bob.get(30, TimeUnit.SECONDS);
        }

        assertThat(a.get(0)).as("session ids differ").isNotEqualTo(b.get(0));
        assertThat(a.get(1)).as("the principal a Helidon filter set reaches the tool").isEqualTo("alice");
        assertThat(b.get(1)).isEqualTo("bob");
        assertThat(server.streamable().sessionCount()).isEqualTo(2);
        assertThat(server.streamable().hasSession(a.get(0))).isTrue();
    }

    @Test
    void requestWithoutPrincipalThenToolSeesAnEmptyTransportContext() {
        server = TestServer.start();
        McpSyncClient client = client(spec -> { }, null);
        client.initialize();

        assertThat(text(client.callTool(McpSchema.CallToolRequest.builder("whoami").arguments(Map.of()).build())))
                .isEqualTo("anonymous");
    }

    private List<String> sessionAndUser(String user) {
        McpSyncClient client = client(spec -> { }, user);
        client.initialize();
        String session = text(client.callTool(McpSchema.CallToolRequest.builder("session").arguments(Map.of()).build()));
        String who = text(client.callTool(McpSchema.CallToolRequest.builder("whoami").arguments(Map.of()).build()));
        return List.of(session, who);
    }

    private McpSyncClient client(Consumer<McpClient.SyncSpec> customizer, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (user != null) {
            request.header(TestServer.USER_HEADER, user);
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.baseUrl())
                .endpoint("/mcp").requestBuilder(request).build();
        McpClient.SyncSpec spec = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20));
        customizer.accept(spec);
        McpSyncClient client = spec.build();
        clients.add(client);
        return client;
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }
}
