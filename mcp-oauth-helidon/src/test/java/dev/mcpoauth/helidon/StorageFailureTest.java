package dev.mcpoauth.helidon;

import dev.mcpoauth.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A store that fails underneath a running server: 503 temporarily_unavailable, never a stack trace. */
class StorageFailureTest {

    @TempDir
    Path dir;
    RunningServer server;

    @BeforeEach
    void start() {
        server = RunningServer.start(dir);
    }

    /** The operator's log lines of the failures: asserted, not printed. */
    private final LogCapture log = LogCapture.of("dev.mcpoauth.helidon.Guarded");

    @AfterEach
    void stop() {
        log.close();
        server.close();
        assertThat(log.warnings()).as("the operator is told the store failed")
                .anyMatch(m -> m.startsWith("the token store failed during"));
    }

    @Test
    void endpointsWhenTheStoreIsClosedThen503TemporarilyUnavailableWithoutDetails() {
        Map<String, Object> tokens = server.client().publicTokens();
        String clientId = (String) tokens.get("client_id");
        server.store.close();

        HttpResponse<String> register = Http.post(server.base + "/register", Http.JSON,
                "{\"redirect_uris\":[\"https://app.example/cb\"]}");
        HttpResponse<String> token = Http.post(server.base + "/token", Http.FORM, OAuthClient.form(Map.of(
                "grant_type", "refresh_token", "refresh_token", (String) tokens.get("refresh_token"), "client_id", clientId)));
        HttpResponse<String> mcp = Http.post(server.mcp(), Http.JSON, McpGateTest.INITIALIZE,
                "Accept", McpGateTest.ACCEPT, "Authorization", "Bearer " + tokens.get("access_token"));
        HttpResponse<String> authorize = server.client().authorize(clientId, Pkce.create(), "s", null);

        for (HttpResponse<String> json : new HttpResponse[] {register, token, mcp}) {
            assertThat(json.statusCode()).as("%s: %s", json.uri(), json.body()).isEqualTo(503);
            assertThat(Http.json(json)).containsEntry("error", "temporarily_unavailable");
            assertThat(json.body()).doesNotContain("Exception", "sqlite", "at dev.");
            assertThat(Http.header(json, "Retry-After")).isNotEmpty();
            assertThat(Http.header(json, "Cache-Control")).isEqualTo("no-store");
        }
        assertThat(authorize.statusCode()).isEqualTo(503);
        assertThat(Http.header(authorize, "Content-Type")).startsWith("text/html");
        assertThat(authorize.body()).contains("temporarily_unavailable").doesNotContain("Exception");
        assertThat(authorize.headers().firstValue("Location")).isEmpty();
    }
}
