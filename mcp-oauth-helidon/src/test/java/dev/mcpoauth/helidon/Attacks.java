package dev.mcpoauth.helidon;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assertions every attack test makes: the exact status, the exact OAuth {@code error}, and that
 * a refused browser request is a page, never a redirect. Shared by the {@code *AttackTest} classes.
 */
final class Attacks {

    static final String INITIALIZE = McpGateTest.INITIALIZE;

    private Attacks() {
    }

    /** A JSON error with this status and {@code error}, not cacheable. */
    static Map<String, Object> assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(Http.header(response, "Content-Type")).startsWith("application/json");
        Map<String, Object> body = Http.json(response);
        assertThat(body).as("error of %s", response.body()).containsEntry("error", error);
        assertThat(body.get("error_description")).isInstanceOf(String.class);
        assertThat(Http.header(response, "Cache-Control")).isEqualTo("no-store");
        return body;
    }

    /** An HTML error page with this status naming {@code error}, and no redirect anywhere. */
    static void assertErrorPage(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Location")).as("a refused request is never redirected").isEmpty();
        assertThat(Http.header(response, "Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("<code>" + error + "</code>");
        assertSecurityHeaders(response);
    }

    /** A 302 back to the client carrying {@code error}, the client's state and the issuer (RFC 9207). */
    static Map<String, String> assertErrorRedirect(HttpResponse<String> response, String issuer, String error) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(302);
        URI location = URI.create(Http.header(response, "Location"));
        assertThat(location.toString()).startsWith(OAuthClient.REDIRECT);
        Map<String, String> params = OAuthClient.query(location);
        assertThat(params).containsEntry("error", error).containsEntry("iss", issuer).doesNotContainKey("code");
        return params;
    }

    /** The headers every HTML response carries: no framing, no sniffing, no referrer, a strict CSP, no caching. */
    static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(Http.header(response, "Content-Security-Policy")).contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(Http.header(response, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(Http.header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(Http.header(response, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(Http.header(response, "Cache-Control")).isEqualTo("no-store");
    }

    /** The MCP endpoint's answer to a bearer token: status and {@code WWW-Authenticate}. */
    static HttpResponse<String> mcp(String base, String authorization) {
        return Http.post(base + "/mcp", Http.JSON, INITIALIZE, "Accept", McpGateTest.ACCEPT, "Authorization", authorization);
    }

    /** Asserts the MCP endpoint refuses the token as {@code invalid_token} with the exact challenge shape. */
    static void assertTokenRefused(String base, String token) {
        HttpResponse<String> response = mcp(base, "Bearer " + token);
        assertThat(response.statusCode()).as("a forged or dead token must not reach MCP").isEqualTo(401);
        assertThat(Http.header(response, "WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"")
                .contains("resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(Http.json(response)).containsEntry("error", "invalid_token");
    }

    /** Asserts the MCP endpoint accepts the token. */
    static void assertTokenAccepted(String base, String token) {
        assertThat(mcp(base, "Bearer " + token).statusCode()).isEqualTo(200);
    }
}
