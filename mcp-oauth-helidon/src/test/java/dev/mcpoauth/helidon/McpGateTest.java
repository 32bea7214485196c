package dev.mcpoauth.helidon;

import dev.mcpoauth.core.BearerResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer gate in front of {@code /mcp}: the engine's challenges exactly, the Origin check after
 * authentication, CORS preflights without a token. The server requires the scope {@code admin}.
 */
class McpGateTest {

    static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
    static final String ACCEPT = "application/json, text/event-stream";

    @RegisterExtension
    static final SharedServer server = SharedServer.create(b -> b.supportedScopes("mcp", "admin").requiredScopes("admin"));

    private static String tokenFor(String scope) {
        OAuthClient oauth = server.oauth;
        String clientId = (String) oauth.register("none", "mcp admin").get("client_id");
        Pkce pkce = Pkce.create();
        return (String) oauth.exchangePublic(clientId, oauth.code(clientId, pkce, "scope=" + OAuthClient.enc(scope)), pkce)
                .get("access_token");
    }

    private static String loopbackOrigin() {
        return "http://localhost:" + server.server.port();
    }

    @Test
    void mcpWithoutTokenThen401WithTheEnginesChallengeExactlyAndNoError() {
        HttpResponse<String> response = Http.post(server.mcp(), Http.JSON, INITIALIZE, "Accept", ACCEPT);

        BearerResult.Challenge expected = (BearerResult.Challenge) server.server.authorizationServer()
                .authenticate(Optional.empty());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.header(response, "WWW-Authenticate")).isEqualTo(expected.wwwAuthenticate())
                .isEqualTo("Bearer resource_metadata=\"" + server.base
                        + "/.well-known/oauth-protected-resource/mcp\", scope=\"admin\"");
        assertThat(Http.json(response)).isEmpty();
    }

    @Test
    void mcpWithMalformedOrUnknownTokenThen401InvalidToken() {
        HttpResponse<String> garbage = Http.post(server.mcp(), Http.JSON, INITIALIZE, "Accept", ACCEPT,
                "Authorization", "Bearer not.a.jwt");
        HttpResponse<String> basic = Http.post(server.mcp(), Http.JSON, INITIALIZE, "Accept", ACCEPT,
                "Authorization", "Bearer ???");

        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(Http.header(garbage, "WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"")
                .contains("resource_metadata=\"" + server.base + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(Http.json(garbage)).containsEntry("error", "invalid_token").containsKey("error_description");
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void mcpWithTokenLackingTheRequiredScopeThen403InsufficientScope() {
        HttpResponse<String> response = Http.post(server.mcp(), Http.JSON, INITIALIZE, "Accept", ACCEPT,
                "Authorization", "Bearer " + tokenFor("mcp"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.header(response, "WWW-Authenticate")).startsWith("Bearer error=\"insufficient_scope\"")
                .contains("scope=\"admin\"");
        assertThat(Http.json(response)).containsEntry("error", "insufficient_scope");
    }

    @Test
    void mcpWithValidTokenFromAllowedOriginThenInitializesAndExposesTheSessionHeader() {
        HttpResponse<String> response = Http.post(server.mcp(), Http.JSON, INITIALIZE, "Accept", ACCEPT,
                "Authorization", "Bearer " + tokenFor("mcp admin"), "Origin", loopbackOrigin());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.header(response, "Mcp-Session-Id")).isNotBlank();
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo(loopbackOrigin());
        assertThat(Http.header(response, "Access-Control-Expose-Headers")).contains("Mcp-Session-Id", "WWW-Authenticate");
    }

    @Test
    void mcpPreflightWithoutTokenThen204AllowingTheMcpHeaders() {
        HttpResponse<String> response = Http.send("OPTIONS", server.mcp(), null, null, "Origin", loopbackOrigin(),
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type, mcp-protocol-version, mcp-session-id");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo(loopbackOrigin());
        assertThat(Http.header(response, "Access-Control-Allow-Methods")).contains("POST", "GET", "DELETE");
        assertThat(Http.header(response, "Access-Control-Allow-Headers"))
                .contains("Authorization", "MCP-Protocol-Version", "Mcp-Session-Id", "Last-Event-ID");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void mcpFromAForeignOriginThenChallengedWithoutTokenAndRefusedWithOneAndNeverCors() {
        HttpResponse<String> preflight = Http.send("OPTIONS", server.mcp(), null, null,
                "Origin", "http://evil.example", "Access-Control-Request-Method", "POST");
        HttpResponse<String> anonymous = Http.post(server.mcp(), Http.JSON, INITIALIZE, "Accept", ACCEPT,
                "Origin", "http://evil.example");
        HttpResponse<String> withToken = Http.post(server.mcp(), Http.JSON, INITIALIZE, "Accept", ACCEPT,
                "Origin", "http://evil.example", "Authorization", "Bearer " + tokenFor("mcp admin"));

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(Http.header(preflight, "Access-Control-Allow-Origin")).isEmpty();
        assertThat(anonymous.statusCode()).as("the challenge comes before the Origin check, so discovery starts")
                .isEqualTo(401);
        assertThat(Http.header(anonymous, "WWW-Authenticate")).contains("resource_metadata=");
        assertThat(Http.header(anonymous, "Access-Control-Allow-Origin")).isEmpty();
        assertThat(withToken.statusCode()).as("a local server refuses a foreign origin (DNS rebinding)").isEqualTo(403);
        assertThat(withToken.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(Http.header(withToken, "Access-Control-Allow-Origin")).isEmpty();
        assertThat(Http.json(withToken)).containsKey("error");
    }

    @Test
    void mcpWithValidTokenAndUnsupportedMethodThen405FromTheTransport() {
        HttpResponse<String> response = Http.send("PUT", server.mcp(), Http.JSON, "{}",
                "Authorization", "Bearer " + tokenFor("admin"));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(Http.header(response, "Allow")).contains("POST");
    }

    @Test
    void mcpChallengeWhenRefusedThenIsNeverCached() {
        HttpResponse<String> response = Http.post(server.mcp(), Http.JSON, "{}", "Accept", ACCEPT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.header(response, "Cache-Control")).isEqualTo("no-store");
    }
}
