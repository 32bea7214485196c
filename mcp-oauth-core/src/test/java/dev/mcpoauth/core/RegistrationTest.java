package dev.mcpoauth.core;

import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.RegisteredClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.mcpoauth.core.Fixture.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTest {

    private final Fixture fixture = new Fixture(ServerConfig.builder().supportedScopes("read", "write").build());

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Map<String, Object> metadata(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        map.put("redirect_uris", List.of("https://app.example.com/callback"));
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void registerWhenNoMethodAskedThenConfidentialWithBasicAndSecretShownOnceStoredHashed() {
        Map<String, Object> response = fixture.server.register(metadata("client_name", "Claude"));

        assertThat(response).containsEntry("token_endpoint_auth_method", "client_secret_basic")
                .containsEntry("client_secret_expires_at", 0L)
                .containsEntry("grant_types", List.of("authorization_code", "refresh_token"))
                .containsEntry("response_types", List.of("code"))
                .containsEntry("redirect_uris", List.of("https://app.example.com/callback"))
                .containsEntry("client_name", "Claude")
                .containsEntry("client_id_issued_at", fixture.clock.instant().getEpochSecond())
                .containsKeys("client_id", "client_secret");
        String secret = (String) response.get("client_secret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        RegisteredClient stored = fixture.store.findClient((String) response.get("client_id")).orElseThrow();
        assertThat(stored.secretHash()).contains(Secrets.hash(secret)).isNotEqualTo(java.util.Optional.of(secret));
        assertThat(stored.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        Fixture.assertRendersWithoutNull(response);
    }

    @Test
    void registerWhenNoneAskedThenPublicClientWithoutSecretFields() {
        Map<String, Object> response = fixture.server.register(metadata("token_endpoint_auth_method", "none"));

        assertThat(response).containsEntry("token_endpoint_auth_method", "none")
                .doesNotContainKeys("client_secret", "client_secret_expires_at", "client_name");
        Fixture.assertRendersWithoutNull(response);
    }

    @Test
    void registerWhenScopeOmittedThenClientMayAskEverySupportedScope() {
        Map<String, Object> response = fixture.server.register(metadata());

        assertThat(response).containsEntry("scope", "read write");
    }

    @Test
    void registerWhenScopeGivenThenKeptAndUnsupportedRefused() {
        assertThat(fixture.server.register(metadata("scope", "write"))).containsEntry("scope", "write");
        assertThat(errorOf(() -> fixture.server.register(metadata("scope", "read admin"))))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT_METADATA);
    }

    @Test
    void registerIgnoresUnknownFields() {
        Map<String, Object> response = fixture.server.register(
                metadata("application_type", "native", "software_id", "x", "jwks", Map.of()));

        assertThat(response).doesNotContainKeys("software_id", "jwks").containsEntry("application_type", "native");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/cb", "http://localhost:3000/cb", "http://127.0.0.1/cb",
            "http://[::1]:9999/cb", "cursor://anysphere.cursor-retrieval/oauth/callback", "vscode://x/y",
            "com.example.app:/oauth2redirect", "https://app.example.com/cb?tenant=1"})
    void registerAcceptsHttpsLoopbackAndPrivateUseRedirectUris(String uri) {
        Map<String, Object> response = fixture.server.register(metadata("redirect_uris", List.of(uri)));

        assertThat(response).containsEntry("redirect_uris", List.of(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
            "JavaScript://%0aalert(1)", "http://example.com/cb", "https://app.example.com/cb#frag",
            "https://app.example.com/cb#", "/relative/cb", "https://user@app.example.com/cb", "not a uri", ""})
    void registerRefusesDangerousOrInsecureRedirectUris(String uri) {
        assertThat(errorOf(() -> fixture.server.register(metadata("redirect_uris", List.of(uri)))))
                .isEqualTo(OAuthErrorCode.INVALID_REDIRECT_URI);
    }

    @Test
    void registerRefusesMissingEmptyOrNonStringRedirectUris() {
        Map<String, Object> missing = metadata();
        missing.remove("redirect_uris");

        assertThat(errorOf(() -> fixture.server.register(missing))).isEqualTo(OAuthErrorCode.INVALID_REDIRECT_URI);
        assertThat(errorOf(() -> fixture.server.register(metadata("redirect_uris", List.of()))))
                .isEqualTo(OAuthErrorCode.INVALID_REDIRECT_URI);
        assertThat(errorOf(() -> fixture.server.register(metadata("redirect_uris", "https://a.example/cb"))))
                .isEqualTo(OAuthErrorCode.INVALID_REDIRECT_URI);
        assertThat(errorOf(() -> fixture.server.register(metadata("redirect_uris", List.of(1L)))))
                .isEqualTo(OAuthErrorCode.INVALID_REDIRECT_URI);
    }

    @Test
    void registerRefusesBadMetadataFields() {
        List<Map<String, Object>> bad = List.of(
                metadata("token_endpoint_auth_method", "private_key_jwt"),
                metadata("token_endpoint_auth_method", 5L),
                metadata("grant_types", List.of("client_credentials")),
                metadata("grant_types", List.of("refresh_token")),
                metadata("grant_types", "authorization_code"),
                metadata("response_types", List.of("token")),
                metadata("client_name", List.of("x")),
                metadata("client_name", "line\nbreak"),
                metadata("client_uri", "javascript:alert(1)"),
                metadata("logo_uri", "not a url"),
                metadata("scope", 7L));
        for (Map<String, Object> metadata : bad) {
            assertThat(errorOf(() -> fixture.server.register(metadata))).as(metadata.toString())
                    .isEqualTo(OAuthErrorCode.INVALID_CLIENT_METADATA);
        }
    }

    @Test
    void registerKeepsOnlyTheAuthorizationCodeGrantWhenAskedSo() {
        Map<String, Object> response = fixture.server.register(metadata("grant_types", List.of("authorization_code")));

        assertThat(response).containsEntry("grant_types", List.of("authorization_code"));
    }

    @Test
    void registerFromJsonTextParsesAndRefusesGarbage() {
        Map<String, Object> response = fixture.server.register(
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":\"none\",\"scope\":null}");

        assertThat(response).containsEntry("token_endpoint_auth_method", "none");
        assertThat(errorOf(() -> fixture.server.register("[1, 2]"))).isEqualTo(OAuthErrorCode.INVALID_CLIENT_METADATA);
    }
}
