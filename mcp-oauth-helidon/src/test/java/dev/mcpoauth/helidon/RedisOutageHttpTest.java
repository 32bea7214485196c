package dev.mcpoauth.helidon;

import dev.mcpoauth.core.McpOAuthServer;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.testing.LogCapture;
import dev.mcpoauth.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis goes away in the middle of a run and comes back: requests that need the store fail fast
 * with {@code 503 temporarily_unavailable} (no stack trace, no hang), and the same server recovers by
 * itself, with nothing half-written.
 */
class RedisOutageHttpTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private McpOAuthServer server;
    /** The operator's log lines of the outage: asserted, not printed. */
    private final LogCapture log = LogCapture.of("dev.mcpoauth.helidon.Guarded");

    @AfterEach
    void stop() {
        log.close();
        if (server != null) {
            server.stop();
        }
        assertThat(log.warnings()).as("the operator is told the store failed")
                .anyMatch(m -> m.startsWith("the token store failed during"));
    }

    @Test
    void redisStoppedThenRequestsGet503AndRestartedThenTheSameServerRecovers() throws Exception {
        server = McpOAuthServer.builder("Outage App")
                .config(ServerConfig.builder().host("127.0.0.1").port(0)
                        .setting("redis.uri", REDIS.uri()).setting("redis.timeout", "500").build())
                .userChecker((user, password) -> OAuthClient.USER.equals(user) && OAuthClient.PASSWORD.equals(password)
                        ? Optional.of("user-" + user) : Optional.empty())
                .tokenStore("redis")
                .loginHandler("default")
                .transport("helidon")
                .build();
        server.start();
        OAuthClient client = new OAuthClient(server.baseUri().toString());
        Map<String, Object> before = client.publicTokens();

        REDIS.kill();
        long started = System.nanoTime();
        HttpResponse<String> register = Http.post(server.baseUri() + "/register", Http.JSON,
                "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\"}");
        HttpResponse<String> refresh = client.token(Map.of("grant_type", "refresh_token",
                "refresh_token", (String) before.get("refresh_token"), "client_id", (String) before.get("client_id")));
        HttpResponse<String> mcp = Http.post(server.mcpUrl().toString(), Http.JSON, McpGateTest.INITIALIZE,
                "Accept", McpGateTest.ACCEPT, "Authorization", "Bearer " + before.get("access_token"));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        for (HttpResponse<String> down : java.util.List.of(register, refresh, mcp)) {
            assertThat(down.statusCode()).as("%s while Redis is down: %s", down.uri(), down.body()).isEqualTo(503);
            assertThat(Http.json(down)).containsEntry("error", "temporarily_unavailable");
            assertThat(down.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("redis://");
        }
        // Liveness, not performance: three requests with a 500 ms store timeout must not hang.
        assertThat(elapsedMillis).as("failing fast while Redis is down").isLessThan(15_000);

        // The test's redis-server keeps nothing on disk, so it comes back empty: the server must
        // recover by itself, and a client whose registration was lost is told so (MCP clients then
        // register again), not given a 5xx.
        REDIS.start();
        HttpResponse<String> stale = client.token(Map.of("grant_type", "refresh_token",
                "refresh_token", (String) before.get("refresh_token"), "client_id", (String) before.get("client_id")));
        assertThat(stale.statusCode()).as("a client Redis forgot: %s", stale.body()).isEqualTo(401);
        assertThat(Http.json(stale)).containsEntry("error", "invalid_client");
        Map<String, Object> after = client.publicTokens();
        assertThat(Http.post(server.mcpUrl().toString(), Http.JSON, McpGateTest.INITIALIZE, "Accept", McpGateTest.ACCEPT,
                "Authorization", "Bearer " + after.get("access_token")).statusCode())
                .as("the same server, without a restart, serves a whole new flow").isEqualTo(200);
    }
}
