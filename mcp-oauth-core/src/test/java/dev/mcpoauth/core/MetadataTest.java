package dev.mcpoauth.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataTest {

    private final Fixture fixture = new Fixture(ServerConfig.builder().port(4000)
            .supportedScopes("read", "write").requiredScopes("read").build());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void authorizationServerMetadataHasEveryFieldClientsNeed() {
        Map<String, Object> metadata = fixture.server.authorizationServerMetadata();

        assertThat(metadata).containsEntry("issuer", "http://localhost:4000")
                .containsEntry("authorization_endpoint", "http://localhost:4000/authorize")
                .containsEntry("token_endpoint", "http://localhost:4000/token")
                .containsEntry("registration_endpoint", "http://localhost:4000/register")
                .containsEntry("revocation_endpoint", "http://localhost:4000/revoke")
                .containsEntry("introspection_endpoint", "http://localhost:4000/introspect")
                .containsEntry("jwks_uri", "http://localhost:4000/jwks")
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("grant_types_supported", List.of("authorization_code", "refresh_token"))
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("token_endpoint_auth_methods_supported",
                        List.of("none", "client_secret_post", "client_secret_basic"))
                .containsEntry("revocation_endpoint_auth_methods_supported",
                        List.of("none", "client_secret_post", "client_secret_basic"))
                .containsEntry("introspection_endpoint_auth_methods_supported",
                        List.of("client_secret_post", "client_secret_basic"))
                .containsEntry("scopes_supported", List.of("read", "write", "offline_access"))
                .containsEntry("authorization_response_iss_parameter_supported", true);
        Fixture.assertRendersWithoutNull(metadata);
    }

    @Test
    void protectedResourceMetadataNamesTheIssuerByteForByte() {
        Map<String, Object> prm = fixture.server.protectedResourceMetadata();

        assertThat(prm).containsEntry("resource", "http://localhost:4000/mcp")
                .as("never offline_access in the protected resource metadata (MCP 2026-07-28)")
                .containsEntry("scopes_supported", List.of("read", "write"))
                .containsEntry("bearer_methods_supported", List.of("header"))
                .containsEntry("resource_name", "test-app");
        assertThat(((List<?>) prm.get("authorization_servers")).getFirst())
                .isEqualTo(fixture.server.authorizationServerMetadata().get("issuer"));
        Fixture.assertRendersWithoutNull(prm);
    }

    @Test
    void jwksPublishesOnlyThePublicPartOfTheSigningKey() {
        Map<String, Object> jwks = fixture.server.jwks();

        List<?> keys = (List<?>) jwks.get("keys");
        assertThat(keys).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) keys.getFirst();
        assertThat(key).containsEntry("kty", "EC").containsEntry("crv", "P-256").containsEntry("alg", "ES256")
                .containsEntry("use", "sig").containsKeys("kid", "x", "y").doesNotContainKey("d");
        Fixture.assertRendersWithoutNull(jwks);
    }
}
