package dev.mcpoauth.helidon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hosted clients send their web origin on MCP requests (Claude's connector: {@code Origin:
 * https://claude.ai}). Against the real server: every request without a valid token gets the 401
 * challenge whatever its origin, so discovery starts; with a token, a server whose public URL is a
 * public host accepts the hosted clients' origins by default, a loopback or private one refuses them
 * (DNS-rebinding protection), and {@code mcp.allowed.origins} replaces the default in both.
 */
class ClaudeOriginTest {

    private static final String CLAUDE = "https://claude.ai";

    @TempDir
    static Path publicDir;
    @TempDir
    static Path localDir;
    @TempDir
    static Path overrideDir;
    @TempDir
    static Path settingDir;
    /** Known as https://mcp.example.com, reached by the test on its loopback port. */
    static RunningServer publicServer;
    /** Known as http://127.0.0.1:port. */
    static RunningServer localServer;
    /** Public, with the origins given explicitly. */
    static RunningServer overridden;
    /** Local, with {@code mcp.allowed.origins=hosted-clients} as a setting. */
    static RunningServer localWithHosted;

    @BeforeAll
    static void start() {
        TransportSettings noLimits = TransportSettings.defaults().withoutRateLimits();
        publicServer = RunningServer.start(publicDir, b -> b.publicBaseUrl(URI.create("https://mcp.example.com")), noLimits);
        localServer = RunningServer.start(localDir, b -> b, noLimits);
        overridden = RunningServer.start(overrideDir, b -> b.publicBaseUrl(URI.create("https://tools.example.org")),
                noLimits.toBuilder().addAllowedOrigin("https://portal.example.org").build());
        localWithHosted = RunningServer.start(settingDir, b -> b.setting("mcp.allowed.origins", "hosted-clients"));
    }

    @AfterAll
    static void stop() {
        for (RunningServer server : new RunningServer[] {publicServer, localServer, overridden, localWithHosted}) {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The server's base URL as the test reaches it: its loopback port, whatever its public URL. */
    private static String reach(RunningServer server) {
        return "http://127.0.0.1:" + server.server.port();
    }

    private static String token(RunningServer server) {
        return (String) new OAuthClient(reach(server)).publicTokens().get("access_token");
    }

    private static HttpResponse<String> initialize(RunningServer server, String origin, String... auth) {
        String[] headers = auth.length == 0 ? new String[] {"Accept", McpGateTest.ACCEPT, "Origin", origin}
                : new String[] {"Accept", McpGateTest.ACCEPT, "Origin", origin, "Authorization", "Bearer " + auth[0]};
        return Http.post(reach(server) + "/mcp", Http.JSON, McpGateTest.INITIALIZE, headers);
    }

    @ParameterizedTest
    @ValueSource(strings = {CLAUDE, "https://evil.example", "null"})
    void withoutTokenThenEveryServerChallengesWhateverTheOrigin(String origin) {
        for (RunningServer server : new RunningServer[] {publicServer, localServer, overridden}) {
            HttpResponse<String> response = initialize(server, origin);

            assertThat(response.statusCode()).as("%s from %s: %s", server.base, origin, response.body()).isEqualTo(401);
            assertThat(Http.header(response, "WWW-Authenticate")).as("discovery can start")
                    .isEqualTo("Bearer resource_metadata=\"" + server.base + "/.well-known/oauth-protected-resource/mcp\""
                            + ", scope=\"mcp\"");
        }
    }

    @Test
    void publicServerWhenClaudeSendsItsOriginWithATokenThenServesAndAllowsCors() {
        String token = token(publicServer);

        HttpResponse<String> anonymous = initialize(publicServer, CLAUDE);
        HttpResponse<String> response = initialize(publicServer, CLAUDE, token);

        assertThat(Http.header(anonymous, "Access-Control-Allow-Origin")).as("the browser may read the challenge")
                .isEqualTo(CLAUDE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.header(response, "Mcp-Session-Id")).isNotBlank();
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo(CLAUDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://claude.com", "https://chatgpt.com", "https://vscode.dev", "https://mcp.example.com"})
    void publicServerWhenOtherHostedClientsOrItsOwnOriginThenServes(String origin) {
        assertThat(initialize(publicServer, origin, token(publicServer)).statusCode()).isEqualTo(200);
    }

    @Test
    void publicServerWhenAnUnknownOriginHoldsATokenThen403() {
        HttpResponse<String> response = initialize(publicServer, "https://evil.example", token(publicServer));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEmpty();
        assertThat(Http.json(response)).containsKey("error");
    }

    @Test
    void localServerWhenClaudesOriginHoldsATokenThenRefusedButLoopbackServed() {
        String token = token(localServer);

        HttpResponse<String> claude = initialize(localServer, CLAUDE, token);
        HttpResponse<String> loopback = initialize(localServer, "http://localhost:" + localServer.server.port(), token);

        assertThat(claude.statusCode()).as("a loopback server keeps strict DNS-rebinding protection").isEqualTo(403);
        assertThat(loopback.statusCode()).as(loopback.body()).isEqualTo(200);
    }

    @Test
    void explicitOriginsThenReplaceTheHostedDefault() {
        String token = token(overridden);

        assertThat(initialize(overridden, CLAUDE, token).statusCode()).isEqualTo(403);
        assertThat(initialize(overridden, "https://portal.example.org", token).statusCode()).isEqualTo(200);
        assertThat(initialize(overridden, "https://tools.example.org", token).statusCode())
                .as("the server's own origin stays allowed").isEqualTo(200);
    }

    @Test
    void localServerWithTheHostedClientsSettingThenServesClaude() {
        HttpResponse<String> response = initialize(localWithHosted, CLAUDE, token(localWithHosted));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void publicServerChallengeAndMetadataNameThePublicUrl() {
        Map<String, Object> prm = Http.json(Http.get(reach(publicServer) + "/.well-known/oauth-protected-resource/mcp"));

        assertThat(prm).containsEntry("resource", "https://mcp.example.com/mcp");
    }
}
