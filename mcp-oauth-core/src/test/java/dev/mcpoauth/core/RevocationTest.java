package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.mcpoauth.core.Fixture.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

class RevocationTest {

    private final Fixture fixture = new Fixture();
    private final Fixture.Client client = fixture.registerPublic();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void revoke(Fixture.Client by, Object token, String... extra) {
        Map<String, String> form = by.form("token", (String) token);
        form.putAll(Fixture.pairs(extra));
        fixture.server.revoke(form, by.header());
    }

    @Test
    void revokeAccessTokenThenItFailsButTheRefreshTokenStillWorks() {
        Map<String, Object> tokens = fixture.tokens(client);

        revoke(client, tokens.get("access_token"), "token_type_hint", "access_token");

        assertThat(fixture.bearer(tokens.get("access_token"))).isInstanceOf(BearerResult.Challenge.class);
        assertThat(fixture.refresh(client, (String) tokens.get("refresh_token"))).containsKey("access_token");
    }

    @Test
    void revokeRefreshTokenThenTheGrantAndItsAccessTokensAreRevoked() {
        Map<String, Object> tokens = fixture.tokens(client);

        revoke(client, tokens.get("refresh_token"));

        assertThat(fixture.bearer(tokens.get("access_token"))).isInstanceOf(BearerResult.Challenge.class);
        assertThat(errorOf(() -> fixture.refresh(client, (String) tokens.get("refresh_token"))))
                .isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void revokeWithWrongHintStillFindsTheToken() {
        Map<String, Object> tokens = fixture.tokens(client);

        revoke(client, tokens.get("refresh_token"), "token_type_hint", "access_token");
        Map<String, Object> other = fixture.tokens(client);
        revoke(client, other.get("access_token"), "token_type_hint", "refresh_token");

        assertThat(fixture.bearer(tokens.get("access_token"))).isInstanceOf(BearerResult.Challenge.class);
        assertThat(fixture.bearer(other.get("access_token"))).isInstanceOf(BearerResult.Challenge.class);
    }

    @Test
    void revokeTokenOfAnotherClientHasNoEffectAndSucceeds() {
        Map<String, Object> tokens = fixture.tokens(client);
        Fixture.Client other = fixture.registerPublic();

        revoke(other, tokens.get("access_token"));
        revoke(other, tokens.get("refresh_token"));

        assertThat(fixture.bearer(tokens.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);
        assertThat(fixture.refresh(client, (String) tokens.get("refresh_token"))).containsKey("access_token");
    }

    @Test
    void revokeUnknownTokenSucceeds() {
        revoke(client, "no-such-token");
        revoke(client, "a.b.c", "token_type_hint", "unknown_hint");
    }

    @Test
    void revokeWithoutTokenOrClientIsAnError() {
        assertThat(errorOf(() -> fixture.server.revoke(client.form(), client.header())))
                .isEqualTo(OAuthErrorCode.INVALID_REQUEST);
        assertThat(errorOf(() -> fixture.server.revoke(Fixture.pairs("token", "x"), java.util.Optional.empty())))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
    }
}
