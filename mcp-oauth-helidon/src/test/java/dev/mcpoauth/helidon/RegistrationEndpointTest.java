package dev.mcpoauth.helidon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /register} (RFC 7591) over HTTP: statuses, error codes, limits and headers. */
class RegistrationEndpointTest {

    @RegisterExtension
    static final SharedServer server = SharedServer.create();

    private static HttpResponse<String> register(String contentType, String body) {
        return Http.post(server.base + "/register", contentType, body, "Origin", "http://localhost:6274");
    }

    @Test
    void registerWhenValidThen201WithClientInfoNoNullsAndNoStore() {
        HttpResponse<String> response = register(Http.JSON,
                "{\"redirect_uris\":[\"http://127.0.0.1:1234/cb\"],\"token_endpoint_auth_method\":\"none\","
                        + "\"application_type\":\"native\",\"software_id\":\"ignored\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).doesNotContain("null");
        assertThat(Http.json(response)).containsKey("client_id").containsKey("client_id_issued_at")
                .containsEntry("redirect_uris", List.of("http://127.0.0.1:1234/cb"))
                .doesNotContainKey("client_secret");
        assertThat(Http.header(response, "Cache-Control")).isEqualTo("no-store");
        assertThat(Http.header(response, "Pragma")).isEqualTo("no-cache");
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void registerWithoutAuthMethodThenConfidentialClientGetsItsSecretOnce() {
        HttpResponse<String> response = register("application/json; charset=UTF-8",
                "{\"redirect_uris\":[\"https://app.example/cb\"]}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(Http.json(response)).containsEntry("token_endpoint_auth_method", "client_secret_basic")
                .containsKey("client_secret").containsEntry("client_secret_expires_at", 0L);
    }

    @Test
    void registerWhenRedirectUriIsJavascriptThen400InvalidRedirectUri() {
        HttpResponse<String> response = register(Http.JSON, "{\"redirect_uris\":[\"javascript:alert(1)\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_redirect_uri").containsKey("error_description");
        assertThat(Http.header(response, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void registerWhenAuthMethodUnknownThen400InvalidClientMetadata() {
        HttpResponse<String> response = register(Http.JSON,
                "{\"redirect_uris\":[\"https://app.example/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_client_metadata");
    }

    @Test
    void registerWhenContentTypeIsNotJsonThen400InvalidClientMetadata() {
        HttpResponse<String> response = register(Http.FORM, "redirect_uris=https%3A%2F%2Fapp.example%2Fcb");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_client_metadata");
    }

    @Test
    void registerWhenJsonIsMalformedThen400InvalidClientMetadata() {
        HttpResponse<String> response = register(Http.JSON, "{\"redirect_uris\":[");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_client_metadata");
    }

    @Test
    void registerWhenBodyIsLargerThan64KiBThen413JsonError() {
        String padding = "x".repeat(70 * 1024);
        HttpResponse<String> response = register(Http.JSON,
                "{\"redirect_uris\":[\"https://app.example/cb\"],\"client_name\":\"" + padding + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Http.json(response)).containsEntry("error", "invalid_request");
        assertThat(Http.header(response, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void registerPreflightThenAllowsAnyOriginToPostJson() {
        HttpResponse<String> response = Http.send("OPTIONS", server.base + "/register", null, null,
                "Origin", "http://localhost:6274", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(Http.header(response, "Access-Control-Allow-Methods")).contains("POST");
        assertThat(Http.header(response, "Access-Control-Allow-Headers")).contains("Content-Type");
    }

    @Test
    void getOnRegisterThen405WithAllow() {
        HttpResponse<String> response = Http.get(server.base + "/register");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(Http.header(response, "Allow")).isEqualTo("POST, OPTIONS");
    }
}
