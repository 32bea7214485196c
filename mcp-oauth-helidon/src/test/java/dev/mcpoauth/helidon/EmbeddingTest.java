package dev.mcpoauth.helidon;

import dev.mcpoauth.LoginHandler;
import dev.mcpoauth.LoginResponse;
import dev.mcpoauth.core.AuthorizationServer;
import dev.mcpoauth.core.McpServerDefinition;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.login.DefaultLoginHandler;
import dev.mcpoauth.store.sqlite.SqliteTokenStore;
import io.helidon.webserver.WebServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import dev.mcpoauth.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link McpOAuthFeature} inside a user's own Helidon WebServer, next to the user's own routes. */
class EmbeddingTest {

    @TempDir
    Path dir;
    private SqliteTokenStore store;
    private McpOAuthFeature feature;
    private WebServer web;
    private final AtomicReference<AuthorizationServer> engine = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (feature != null) {
            feature.close();
        }
        if (web != null) {
            web.stop();
        }
        Optional.ofNullable(engine.get()).ifPresent(AuthorizationServer::close);
        if (store != null) {
            store.close();
        }
    }

    /** Starts the user's server with the feature; the engine is created after binding (port 0). */
    private String start(LoginHandler login, TransportSettings settings, boolean createEngine) {
        ServerConfig asked = ServerConfig.builder().host("127.0.0.1").port(0).debug(true).build();
        feature = McpOAuthFeature.builder()
                .authorizationServer(asked, () -> Optional.ofNullable(engine.get()))
                .loginHandler(login)
                .mcp(new McpServerDefinition("Embedded", "2.0", Optional.of("Be brief."), List.of(RunningServer.whoami()),
                        List.of(), List.of(), List.of(), List.of()))
                .settings(settings)
                .build();
        web = WebServer.builder().host("127.0.0.1").port(0)
                .connectionOptions(HelidonTuning::mcpConnectionOptions)
                .routing(r -> r.get("/hello", (req, res) -> res.send("hello from the app")).addFeature(feature))
                .build().start();
        if (createEngine) {
            createEngine();
        }
        return "http://127.0.0.1:" + web.port();
    }

    private void createEngine() {
        store = SqliteTokenStore.open(dir.resolve("embedded.db"));
        engine.set(AuthorizationServer.builder("Embedded")
                .config(ServerConfig.builder().host("127.0.0.1").port(web.port()).build())
                .store(store)
                .userChecker((u, p) -> OAuthClient.USER.equals(u) && OAuthClient.PASSWORD.equals(p)
                        ? Optional.of("user-" + u) : Optional.empty())
                .build());
    }

    @Test
    void userServerWithItsOwnRouteAndTheFeatureThenBothServeOnOnePort() {
        String base = start(DefaultLoginHandler.create("Embedded"), TransportSettings.defaults(), true);

        HttpResponse<String> hello = Http.get(base + "/hello");
        HttpResponse<String> metadata = Http.get(base + "/.well-known/oauth-authorization-server");
        HttpResponse<String> mcp = Http.post(base + "/mcp", Http.JSON, McpGateTest.INITIALIZE, "Accept", McpGateTest.ACCEPT);

        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo("hello from the app");
        assertThat(Http.json(metadata)).containsEntry("issuer", base);
        assertThat(mcp.statusCode()).isEqualTo(401);

        Map<String, Object> tokens = new OAuthClient(base).publicTokens();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp")
                .httpRequestCustomizer((b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + tokens.get("access_token")))
                .build();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().version()).isEqualTo("2.0");
            assertThat(init.instructions()).isEqualTo("Be brief.");
            McpSchema.CallToolResult who = client.callTool(McpSchema.CallToolRequest.builder("whoami").arguments(Map.of()).build());
            assertThat(((McpSchema.TextContent) who.content().getFirst()).text()).isEqualTo("user-alice");
        }
    }

    @Test
    void requestsBeforeTheEngineExistsThen503TemporarilyUnavailableWithRetryAfter() {
        String base = start(DefaultLoginHandler.create("Embedded"), TransportSettings.defaults(), false);

        HttpResponse<String> metadata = Http.get(base + "/.well-known/oauth-authorization-server");
        HttpResponse<String> mcp = Http.post(base + "/mcp", Http.JSON, McpGateTest.INITIALIZE, "Accept", McpGateTest.ACCEPT);
        assertThat(feature.authorizationServer()).isEmpty();

        assertThat(metadata.statusCode()).isEqualTo(503);
        assertThat(Http.json(metadata)).containsEntry("error", "temporarily_unavailable");
        assertThat(Http.header(metadata, "Retry-After")).isEqualTo("1");
        assertThat(mcp.statusCode()).isEqualTo(503);
        assertThat(Http.get(base + "/hello").statusCode()).as("the app's own routes do not wait").isEqualTo(200);

        createEngine();
        assertThat(Http.get(base + "/.well-known/oauth-authorization-server").statusCode()).isEqualTo(200);
        assertThat(feature.authorizationServer()).containsSame(engine.get());
    }

    @Test
    void loginRequestWhenProxyIsTrustedThenCarriesTheForwardedAddressAndOnlyFormEncodedFields() {
        LoginHandler echo = (request, flow) -> LoginResponse.html(200, request.method() + "|" + request.remoteAddress()
                + "|" + request.formParam("a").orElse("-") + "|" + request.queryParam("q").orElse("-"));
        String base = start(echo, TransportSettings.builder().addTrustedProxy("127.0.0.1").build(), true);

        HttpResponse<String> forwarded = Http.post(base + "/oauth/login?q=1", Http.FORM, "a=b%20c",
                "X-Forwarded-For", "198.51.100.7, 203.0.113.9");
        HttpResponse<String> json = Http.post(base + "/oauth/login", Http.JSON, "{\"a\":\"x\"}");
        HttpResponse<String> head = Http.send("HEAD", base + "/oauth/login", null, null);

        assertThat(forwarded.body()).as("the nearest untrusted hop is the client").isEqualTo("POST|203.0.113.9|b c|1");
        assertThat(json.body()).isEqualTo("POST|127.0.0.1|-|-");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void debugConfigurationThenLogsEachRequestAtInfoWithoutItsQuery() throws InterruptedException {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.mcpoauth.helidon.requests");
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            String base = start((request, flow) -> LoginResponse.html(200, "ok"), TransportSettings.defaults(), true);

            Http.get(base + "/oauth/login?state=secret-login-id");

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            // The line is written once the response has been sent, so it may trail the client's read.
            while (lines.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(lines).singleElement().asString().startsWith("INFO GET /oauth/login -> 200 (")
                    .doesNotContain("secret-login-id");
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void loginHandlerWhenItFailsUnexpectedlyThen500PageWithoutDetails() {
        String base = start((request, flow) -> {
            throw new IllegalStateException("boom: internal detail");
        }, TransportSettings.defaults(), true);

        HttpResponse<String> response;
        try (LogCapture log = LogCapture.of("dev.mcpoauth.helidon.Guarded")) {
            response = Http.get(base + "/oauth/login?state=x");
            assertThat(log.warnings()).as("the operator learns of the failure, once")
                    .singleElement().asString().startsWith("unexpected failure during GET /oauth/login");
        }

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(Http.header(response, "Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("server_error").doesNotContain("boom", "IllegalStateException", "at dev.");
    }

    @Test
    void loginRequestWithoutTrustedProxiesThenIgnoresForwardingHeaders() {
        LoginHandler echo = (request, flow) -> LoginResponse.html(200, request.remoteAddress());
        String base = start(echo, TransportSettings.defaults(), true);

        HttpResponse<String> response = Http.get(base + "/oauth/login", "X-Forwarded-For", "203.0.113.9",
                "Forwarded", "for=198.51.100.7");

        assertThat(response.body()).isEqualTo("127.0.0.1");
    }
}
