package dev.mcpoauth.helidon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code application_type} at registration (OpenID Connect Registration §2; MCP 2026-07-28 makes
 * clients send it) against the real server: {@code web} gets https redirect URIs on non-loopback hosts
 * only, {@code native} gets loopback http on any port, private-use schemes and https, a client that
 * sends none keeps the rules of MCP 2025-11-25, any other value is {@code invalid_client_metadata}.
 * The type comes back in the registration response.
 */
class ApplicationTypeTest {

    @RegisterExtension
    static final SharedServer server = SharedServer.create();

    private static HttpResponse<String> register(String type, String redirectUri) {
        return Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[\"" + redirectUri + "\"],"
                + "\"token_endpoint_auth_method\":\"none\"" + (type == null ? "" : ",\"application_type\":" + type) + "}");
    }

    /** Asserts the status and one member of the JSON answer. */
    private static void assertAnswer(HttpResponse<String> response, int status, String member, String value) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.json(response)).containsEntry(member, value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:33418/", "http://localhost/cb", "https://localhost/cb",
            "https://127.0.0.1:8443/cb", "https://app.localhost/cb", "https://[::1]/cb",
            "cursor://anysphere.cursor-mcp/oauth/callback", "com.example.app:/oauth2redirect"})
    void registerWhenWebClientNamesALoopbackOrCustomSchemeUriThenInvalidRedirectUri(String redirectUri) {
        HttpResponse<String> response = register("\"web\"", redirectUri);

        assertAnswer(response, 400, "error", "invalid_redirect_uri");
        assertThat((String) Http.json(response).get("error_description")).contains("native");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://claude.ai/api/mcp/auth_callback", "https://app.example.com/cb?tenant=1"})
    void registerWhenWebClientNamesHttpsUrisThenRegisteredAsWeb(String redirectUri) {
        HttpResponse<String> response = register("\"web\"", redirectUri);

        assertAnswer(response, 201, "application_type", "web");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:33418/", "http://[::1]:9/cb", "cursor://anysphere.cursor-mcp/oauth/callback",
            "https://app.example.com/cb"})
    void registerWhenNativeClientNamesLoopbackSchemeOrHttpsThenRegisteredAsNative(String redirectUri) {
        HttpResponse<String> response = register("\"native\"", redirectUri);

        assertAnswer(response, 201, "application_type", "native");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
            "http://app.example.com/cb"})
    void registerWhenNativeClientNamesAForbiddenUriThenStillRefused(String redirectUri) {
        HttpResponse<String> response = register("\"native\"", redirectUri);

        assertAnswer(response, 400, "error", "invalid_redirect_uri");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"desktop\"", "\"Web\"", "\"\"", "42", "[\"web\"]"})
    void registerWhenApplicationTypeIsUnknownThenInvalidClientMetadata(String type) {
        HttpResponse<String> response = register(type, "https://app.example.com/cb");

        assertAnswer(response, 400, "error", "invalid_client_metadata");
    }

    @Test
    void registerWhenTypeOmittedThenTodaysRulesAndTheTypeTheUrisDescribe() {
        Map<String, Object> loopback = Http.json(register(null, "http://127.0.0.1:33418/"));
        Map<String, Object> scheme = Http.json(register(null, "cursor://anysphere.cursor-mcp/oauth/callback"));
        Map<String, Object> https = Http.json(register(null, "https://chatgpt.com/connector_platform_oauth_redirect"));

        assertThat(loopback).containsKey("client_id").containsEntry("application_type", "native");
        assertThat(scheme).containsKey("client_id").containsEntry("application_type", "native");
        assertThat(https).containsKey("client_id").containsEntry("application_type", "web");
    }

    @Test
    void authorizeWhenANativeClientComesBackOnAnotherLoopbackPortThenCodeAndIss() {
        OAuthClient oauth = server.oauth;
        String clientId = (String) oauth.registerJson("{\"redirect_uris\":[\"http://127.0.0.1:33418/\"],"
                + "\"token_endpoint_auth_method\":\"none\",\"application_type\":\"native\"}").get("client_id");
        Pkce pkce = Pkce.create();

        Map<String, String> back = oauth.login(clientId, "http://127.0.0.1:40000/", pkce, null);
        HttpResponse<String> token = oauth.exchange(clientId, "http://127.0.0.1:40000/", back.get("code"), pkce);

        assertThat(back).containsEntry("iss", server.base);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    }
}
