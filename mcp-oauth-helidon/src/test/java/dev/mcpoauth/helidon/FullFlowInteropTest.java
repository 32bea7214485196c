package dev.mcpoauth.helidon;

import dev.mcpoauth.core.McpOAuthServer;
import dev.mcpoauth.core.ServerConfig;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole path with the official MCP Java SDK client, through the facade: providers chosen by id
 * (store {@code sqlite} with {@code db.path} in a temporary folder, login page {@code default},
 * transport {@code helidon}), port 0, discovery from the 401, the real login page, tokens, MCP calls
 * that reach a tool with the user's identity, refresh with rotation, and reuse detection.
 */
class FullFlowInteropTest {

    @TempDir
    Path dir;
    private McpOAuthServer server;
    private final SdkClients clients = new SdkClients();

    @AfterEach
    void stop() {
        clients.close();
        if (server != null) {
            server.stop();
        }
    }

    private void start(UnaryOperator<ServerConfig.Builder> config) {
        server = McpOAuthServer.builder("Interop App")
                .config(config.apply(ServerConfig.builder().host("127.0.0.1").port(0).dbPath(dir.resolve("oauth.db"))).build())
                .userChecker((user, password) -> OAuthClient.USER.equals(user) && OAuthClient.PASSWORD.equals(password)
                        ? Optional.of("user-" + user) : Optional.empty())
                .tokenStore("sqlite")
                .loginHandler("default")
                .transport("helidon")
                .tool(RunningServer.whoami())
                .build();
        server.start();
    }

    private McpSyncClient sdkClient(String accessToken) {
        return clients.connect(server.baseUri().toString(), accessToken);
    }

    @Test
    void sdkClientWhenItFollowsTheWholeOAuthFlowThenToolsSeeTheUserARepeatConvergesAndReuseRevokesTheFamily() {
        start(b -> b);
        assertThat(server.port()).as("port 0 bound a real port").isPositive();
        assertThat(server.mcpUrl().toString()).isEqualTo(server.baseUri() + "/mcp");
        assertThat(dir.resolve("oauth.db")).as("the sqlite provider used db.path").exists();

        McpOAuthDance dance = new McpOAuthDance(server.mcpUrl().toString());
        Map<String, Object> first = dance.run();
        assertThat(dance.issuer).isEqualTo(server.baseUri().toString());

        McpSyncClient client = sdkClient((String) first.get("access_token"));
        McpSchema.InitializeResult init = client.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("Interop App");
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("whoami");
        assertThat(SdkClients.whoami(client)).as("the principal reaches the tool").isEqualTo("user-alice");

        HttpResponse<String> refreshed = dance.refresh((String) first.get("refresh_token"));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Map<String, Object> second = Http.json(refreshed);
        assertThat(second.get("refresh_token")).as("rotated").isNotEqualTo(first.get("refresh_token"));
        McpSyncClient renewed = sdkClient((String) second.get("access_token"));
        renewed.initialize();
        assertThat(SdkClients.whoami(renewed)).isEqualTo("user-alice");

        HttpResponse<String> repeat = dance.refresh((String) first.get("refresh_token"));
        assertThat(repeat.statusCode()).as("a repeat within the reuse grace is answered").isEqualTo(200);
        assertThat(Http.json(repeat)).as("with the successor of the first answer")
                .containsEntry("refresh_token", second.get("refresh_token"));
        Map<String, Object> third = Http.json(dance.refresh((String) second.get("refresh_token")));

        HttpResponse<String> reuse = dance.refresh((String) first.get("refresh_token"));
        assertThat(reuse.statusCode()).as("a token two rotations old is reuse").isEqualTo(400);
        assertThat(Http.json(reuse)).containsEntry("error", "invalid_grant");

        HttpResponse<String> revokedRaw = Http.post(server.mcpUrl().toString(), Http.JSON, McpGateTest.INITIALIZE,
                "Accept", McpGateTest.ACCEPT, "Authorization", "Bearer " + third.get("access_token"));
        assertThat(revokedRaw.statusCode()).as("reuse revoked the whole family").isEqualTo(401);
        assertThat(Http.header(revokedRaw, "WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThatThrownBy(() -> sdkClient((String) third.get("access_token")).initialize())
                .as("the SDK client with a revoked token cannot initialize");
        assertThat(dance.refresh((String) third.get("refresh_token")).statusCode()).isEqualTo(400);
    }

    @Test
    void sdkClientAgainstTheStatelessModeThenCallsToolsWithTheUsersIdentity() {
        start(b -> b.setting("mcp.stateless", "true"));
        Map<String, Object> tokens = new McpOAuthDance(server.mcpUrl().toString()).run();

        McpSyncClient client = sdkClient((String) tokens.get("access_token"));
        client.initialize();

        assertThat(SdkClients.whoami(client)).isEqualTo("user-alice");
        HttpResponse<String> get = Http.send("GET", server.mcpUrl().toString(), null, null,
                "Accept", "text/event-stream", "Authorization", "Bearer " + tokens.get("access_token"));
        assertThat(get.statusCode()).as("no listening stream without sessions").isEqualTo(405);
    }
}
