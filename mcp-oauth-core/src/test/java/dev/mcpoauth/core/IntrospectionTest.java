package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.mcpoauth.core.Fixture.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

class IntrospectionTest {

    private final Fixture fixture = new Fixture();
    private final Fixture.Client client = fixture.register("client_secret_post", Fixture.REDIRECT);

    @AfterEach
    void close() {
        fixture.close();
    }

    private Map<String, Object> introspect(Fixture.Client by, Object token) {
        return fixture.server.introspect(by.form("token", (String) token), by.header());
    }

    @Test
    void introspectActiveAccessTokenDescribesIt() {
        Map<String, Object> tokens = fixture.tokens(client);

        Map<String, Object> response = introspect(client, tokens.get("access_token"));

        long now = fixture.clock.instant().getEpochSecond();
        assertThat(response).containsEntry("active", true).containsEntry("scope", "mcp")
                .containsEntry("client_id", client.id()).containsEntry("sub", Fixture.USER_ID)
                .containsEntry("iat", now).containsEntry("exp", now + 3600)
                .containsEntry("aud", "http://localhost:3000/mcp").containsEntry("iss", "http://localhost:3000")
                .containsEntry("token_type", "Bearer").containsKey("jti");
        Fixture.assertRendersWithoutNull(response);
    }

    @Test
    void introspectActiveRefreshTokenDescribesItsGrant() {
        Map<String, Object> tokens = fixture.tokens(client);

        Map<String, Object> response = introspect(client, tokens.get("refresh_token"));

        assertThat(response).containsEntry("active", true).containsEntry("client_id", client.id())
                .containsEntry("sub", Fixture.USER_ID).containsEntry("token_type", "refresh_token");
        Fixture.assertRendersWithoutNull(response);
    }

    @Test
    void introspectExpiredRevokedUnknownOrForeignTokenIsInactive() {
        Map<String, Object> tokens = fixture.tokens(client);
        Map<String, Object> revoked = fixture.tokens(client);
        fixture.server.revoke(client.form("token", (String) revoked.get("refresh_token")), client.header());
        Fixture.Client other = fixture.register("client_secret_basic", Fixture.REDIRECT);

        assertThat(introspect(client, revoked.get("access_token"))).isEqualTo(Map.of("active", false));
        assertThat(introspect(client, "garbage")).isEqualTo(Map.of("active", false));
        assertThat(introspect(client, "x.y.z")).isEqualTo(Map.of("active", false));
        assertThat(introspect(other, tokens.get("access_token"))).isEqualTo(Map.of("active", false));
        assertThat(introspect(other, tokens.get("refresh_token"))).isEqualTo(Map.of("active", false));
        fixture.clock.advance(Duration.ofHours(2));
        assertThat(introspect(client, tokens.get("access_token"))).isEqualTo(Map.of("active", false));
    }

    @Test
    void introspectByPublicClientIsRefused() {
        Fixture.Client publicClient = fixture.registerPublic();
        Map<String, Object> tokens = fixture.tokens(publicClient);

        assertThat(errorOf(() -> introspect(publicClient, tokens.get("access_token"))))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
    }

    @Test
    void introspectWithoutTokenIsInvalidRequest() {
        assertThat(errorOf(() -> fixture.server.introspect(client.form(), client.header())))
                .isEqualTo(OAuthErrorCode.INVALID_REQUEST);
    }
}
