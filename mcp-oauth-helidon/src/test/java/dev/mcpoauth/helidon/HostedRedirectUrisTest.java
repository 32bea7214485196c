package dev.mcpoauth.helidon;

import dev.mcpoauth.core.RedirectHostPresets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callbacks of the MCP clients people run register and complete the whole flow (registration,
 * authorize, login page, code with {@code iss}, token, an MCP request) against the real server with
 * its defaults, each as the client sends it: with the {@code application_type} it declares (MCP
 * 2026-07-28) and without (2025-11-25). Loopback clients come back on another port than the one they
 * registered (RFC 8252 §7.3). A second server allows only the {@link RedirectHostPresets} and shows the
 * presets hold those callbacks and nothing else.
 */
class HostedRedirectUrisTest {

    @TempDir
    static Path dir;
    @TempDir
    static Path presetDir;
    static RunningServer open;
    static RunningServer presets;

    @BeforeAll
    static void start() {
        TransportSettings noLimits = TransportSettings.defaults().withoutRateLimits();
        open = RunningServer.start(dir, b -> b, noLimits);
        presets = RunningServer.start(presetDir, b -> b.allowedRedirectHosts(
                RedirectHostPresets.HOSTED_CLIENTS, RedirectHostPresets.DESKTOP_CLIENTS), noLimits);
    }

    @AfterAll
    static void stop() {
        try {
            open.close();
        } finally {
            presets.close();
        }
    }

    /** Client, registered redirect URI, the one it comes back on, its application_type and auth method. */
    static Stream<Arguments> clients() {
        return Stream.of(
                Arguments.of("Claude", "https://claude.ai/api/mcp/auth_callback", "https://claude.ai/api/mcp/auth_callback", "web", "client_secret_post"),
                Arguments.of("Claude (claude.com)", "https://claude.com/api/mcp/auth_callback", "https://claude.com/api/mcp/auth_callback", "web", "none"),
                Arguments.of("ChatGPT", "https://chatgpt.com/connector_platform_oauth_redirect", "https://chatgpt.com/connector_platform_oauth_redirect", "web", "client_secret_basic"),
                Arguments.of("ChatGPT (per connector)", "https://chatgpt.com/connector/oauth/c-4f1e2d", "https://chatgpt.com/connector/oauth/c-4f1e2d", "web", "none"),
                Arguments.of("VS Code for the Web", "https://vscode.dev/redirect", "https://vscode.dev/redirect", "web", "none"),
                Arguments.of("VS Code", "http://127.0.0.1:33418/", "http://127.0.0.1:51234/", "native", "none"),
                Arguments.of("Cursor", "cursor://anysphere.cursor-mcp/oauth/callback", "cursor://anysphere.cursor-mcp/oauth/callback", "native", "none"),
                Arguments.of("Claude Code", "http://localhost:44123/callback", "http://localhost:60999/callback", "native", "none"));
    }

    @ParameterizedTest(name = "{0} with application_type {3}")
    @MethodSource("clients")
    void registerWhenClientDeclaresItsTypeThenWholeFlowCompletes(String client, String registered, String used,
                                                                 String type, String method) {
        completes(open, client, registered, used, ",\"application_type\":\"" + type + "\"", method);
    }

    @ParameterizedTest(name = "{0} without application_type")
    @MethodSource("clients")
    void registerWhenClientSendsNoTypeThenWholeFlowCompletes(String client, String registered, String used,
                                                             String type, String method) {
        completes(open, client, registered, used, "", method);
    }

    @ParameterizedTest(name = "{0} against the hosted-clients and desktop-clients presets")
    @MethodSource("clients")
    void registerWhenServerAllowsOnlyThePresetsThenEveryKnownClientCompletes(String client, String registered,
                                                                             String used, String type, String method) {
        completes(presets, client, registered, used, ",\"application_type\":\"" + type + "\"", method);
    }

    @ParameterizedTest(name = "application_type {0}")
    @ValueSource(strings = {",\"application_type\":\"native\"", ""})
    void registerWhenVsCodeNamesItsLoopbackAndWebCallbacksTogetherThenBothComplete(String typeMember) {
        OAuthClient oauth = open.client();
        String clientId = (String) oauth.registerJson("{\"redirect_uris\":[\"http://127.0.0.1:33418/\","
                + "\"https://vscode.dev/redirect\"],\"client_name\":\"Visual Studio Code\","
                + "\"token_endpoint_auth_method\":\"none\"" + typeMember + "}").get("client_id");

        for (String used : new String[] {"http://127.0.0.1:40123/", "https://vscode.dev/redirect"}) {
            Pkce pkce = Pkce.create();
            Map<String, String> back = oauth.login(clientId, used, pkce, null);
            assertThat(oauth.exchange(clientId, used, back.get("code"), pkce).statusCode()).as(used).isEqualTo(200);
        }
    }

    @Test
    void registerWhenServerAllowsOnlyThePresetsThenOtherHostsAreRefused() {
        HttpResponse<String> response = Http.post(presets.base + "/register", Http.JSON,
                "{\"redirect_uris\":[\"https://app.example.com/cb\"],\"token_endpoint_auth_method\":\"none\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_redirect_uri");
    }

    private static void completes(RunningServer server, String client, String registered, String used,
                                  String typeMember, String method) {
        OAuthClient oauth = server.client();
        Map<String, Object> registration = oauth.registerJson("{\"redirect_uris\":[\"" + registered
                + "\"],\"client_name\":\"" + client + "\",\"token_endpoint_auth_method\":\"" + method + "\""
                + ",\"grant_types\":[\"authorization_code\",\"refresh_token\"]" + typeMember + "}");
        String clientId = (String) registration.get("client_id");
        Pkce pkce = Pkce.create();

        Map<String, String> back = oauth.login(clientId, used, pkce, "resource=" + OAuthClient.enc(server.mcp()));
        assertThat(back).as("%s gets a code and the issuer (RFC 9207)", client)
                .containsKey("code").containsEntry("iss", server.base);
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "code", back.get("code"), "redirect_uri", used, "code_verifier", pkce.verifier(),
                "resource", server.mcp()));
        String[] headers = new String[0];
        switch (method) {
            case "none" -> form.put("client_id", clientId);
            case "client_secret_post" -> {
                form.put("client_id", clientId);
                form.put("client_secret", (String) registration.get("client_secret"));
            }
            default -> headers = new String[] {"Authorization",
                    OAuthClient.basic(clientId, (String) registration.get("client_secret"))};
        }
        HttpResponse<String> token = oauth.token(form, headers);
        assertThat(token.statusCode()).as("%s token: %s", client, token.body()).isEqualTo(200);
        assertThat(Http.json(token)).containsKeys("access_token", "refresh_token");

        HttpResponse<String> mcp = Http.post(server.mcp(), Http.JSON, McpGateTest.INITIALIZE,
                "Accept", McpGateTest.ACCEPT, "Authorization", "Bearer " + Http.json(token).get("access_token"));
        assertThat(mcp.statusCode()).as("%s reaches the MCP endpoint: %s", client, mcp.body()).isEqualTo(200);
    }
}
