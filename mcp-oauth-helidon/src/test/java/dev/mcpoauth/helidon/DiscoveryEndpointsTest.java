package dev.mcpoauth.helidon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The discovery documents as MCP clients fetch them: exact paths, statuses, headers and fields. */
class DiscoveryEndpointsTest {

    @RegisterExtension
    static final SharedServer server = SharedServer.create();

    @Test
    void protectedResourceMetadataWhenFetchedAtBothPathsThenSameDocumentNamingTheIssuerByteForByte() {
        HttpResponse<String> inserted = Http.get(server.base + "/.well-known/oauth-protected-resource/mcp");
        HttpResponse<String> root = Http.get(server.base + "/.well-known/oauth-protected-resource");
        HttpResponse<String> as = Http.get(server.base + "/.well-known/oauth-authorization-server");

        assertThat(inserted.statusCode()).isEqualTo(200);
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(inserted.body()).as("clients try either path").isEqualTo(root.body());
        Map<String, Object> prm = Http.json(inserted);
        assertThat(prm).containsEntry("resource", server.mcp())
                .containsEntry("bearer_methods_supported", List.of("header"));
        String issuer = (String) Http.json(as).get("issuer");
        assertThat(issuer).isEqualTo(server.base);
        assertThat(prm.get("authorization_servers")).as("TS client compares exactly")
                .isEqualTo(List.of(issuer));
        assertThat(Http.header(inserted, "Content-Type")).startsWith("application/json");
        assertThat(Http.header(inserted, "Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void authorizationServerMetadataThenAdvertisesThisServersEndpointsAndS256WithoutNulls() {
        HttpResponse<String> response = Http.get(server.base + "/.well-known/oauth-authorization-server",
                "Origin", "http://localhost:6274");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("null");
        assertThat(Http.json(response))
                .containsEntry("token_endpoint", server.base + "/token")
                .containsEntry("registration_endpoint", server.base + "/register")
                .containsEntry("authorization_endpoint", server.base + "/authorize")
                .containsEntry("jwks_uri", server.base + "/jwks")
                .containsEntry("code_challenge_methods_supported", List.of("S256"));
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(Http.header(response, "Cache-Control")).contains("max-age");
    }

    @Test
    void jwksThenServesTheSigningKeyWithoutPrivateParts() {
        HttpResponse<String> response = Http.get(server.base + "/jwks");

        assertThat(response.statusCode()).isEqualTo(200);
        List<?> keys = (List<?>) Http.json(response).get("keys");
        assertThat(keys).isNotEmpty();
        Map<?, ?> key = (Map<?, ?>) keys.getFirst();
        assertThat(key.get("kty")).isEqualTo("EC");
        assertThat(key.containsKey("kid")).as("key id").isTrue();
        assertThat(key.containsKey("d")).as("private part").isFalse();
    }

    @Test
    void openidConfigurationThenIsA404JsonError() {
        HttpResponse<String> response = Http.get(server.base + "/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.header(response, "Content-Type")).startsWith("application/json");
        assertThat(Http.json(response)).containsEntry("error", "not_found");
    }

    @Test
    void metadataPreflightThenAllowsTheMcpAndAuthorizationHeadersFromAnyOrigin() {
        HttpResponse<String> response = Http.send("OPTIONS", server.base + "/.well-known/oauth-protected-resource/mcp",
                null, null, "Origin", "http://localhost:6274", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "mcp-protocol-version");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(Http.header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(Http.header(response, "Access-Control-Allow-Headers"))
                .contains("MCP-Protocol-Version", "Authorization", "Content-Type");
        assertThat(Http.header(response, "Access-Control-Allow-Methods")).contains("GET");
    }

    @Test
    void headOnMetadataThenSameHeadersWithoutBody() {
        HttpResponse<String> response = Http.send("HEAD", server.base + "/.well-known/oauth-authorization-server", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.header(response, "Content-Type")).startsWith("application/json");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void postToMetadataThen405NamingTheAllowedMethods() {
        HttpResponse<String> response = Http.post(server.base + "/.well-known/oauth-authorization-server", Http.JSON, "{}");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(Http.header(response, "Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(Http.json(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void publicBaseUrlWithAPathThenTheDocumentsAreAlsoServedAtTheirPathInsertedLocationsAndTheChallengeNamesOne(
            @TempDir Path other) {
        try (RunningServer proxied = RunningServer.start(other, b -> b.publicBaseUrl("https://example.com/tools"))) {
            String local = "http://127.0.0.1:" + proxied.server.port();
            HttpResponse<String> as = Http.get(local + "/.well-known/oauth-authorization-server/tools");
            HttpResponse<String> prm = Http.get(local + "/.well-known/oauth-protected-resource/tools/mcp");

            assertThat(as.statusCode()).isEqualTo(200);
            assertThat(Http.json(as)).containsEntry("issuer", "https://example.com/tools")
                    .containsEntry("token_endpoint", "https://example.com/tools/token");
            assertThat(prm.body()).isEqualTo(Http.get(local + "/.well-known/oauth-protected-resource/mcp").body());
            assertThat(Http.json(prm)).containsEntry("resource", "https://example.com/tools/mcp");
            assertThat(Http.header(Attacks.mcp(local, "Bearer x"), "WWW-Authenticate"))
                    .contains("resource_metadata=\"https://example.com/.well-known/oauth-protected-resource/tools/mcp\"");
        }
    }

    @Test
    void unknownPathThen404JsonError() {
        HttpResponse<String> response = Http.get(server.base + "/no/such/thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response)).containsEntry("error", "not_found");
    }
}
