package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.mcpoauth.core.Fixture.basic;
import static dev.mcpoauth.core.Fixture.errorOf;
import static dev.mcpoauth.core.Fixture.pairs;
import static org.assertj.core.api.Assertions.assertThat;

/** Client authentication at the token endpoint, with the authorization_code grant as the vehicle. */
class ClientAuthenticationTest {

    private final Fixture fixture = new Fixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private Map<String, String> codeForm(Fixture.Authorized code, String... credentials) {
        Map<String, String> form = pairs("grant_type", "authorization_code", "code", code.code(),
                "code_verifier", code.verifier(), "redirect_uri", Fixture.REDIRECT);
        form.putAll(pairs(credentials));
        return form;
    }

    @Test
    void tokenWhenPublicClientSendsOnlyItsIdThenSucceeds() {
        Fixture.Client client = fixture.registerPublic();

        Map<String, Object> tokens = fixture.exchange(client, fixture.authorize(client));

        assertThat(tokens).containsKeys("access_token", "refresh_token");
    }

    @Test
    void tokenWhenBasicClientOmitsClientIdFromBodyThenSucceeds() {
        Fixture.Client client = fixture.register("client_secret_basic", Fixture.REDIRECT);
        Fixture.Authorized code = fixture.authorize(client);

        Map<String, Object> tokens = fixture.server.token(codeForm(code), client.header());

        assertThat(tokens).containsKey("access_token");
    }

    @Test
    void tokenWhenBasicCredentialsAreFormEncodedThenDecoded() {
        Fixture.Client client = fixture.register("client_secret_basic", Fixture.REDIRECT);
        Fixture.Authorized code = fixture.authorize(client);
        // Our ids and secrets need no encoding, so encoding them must change nothing.
        String header = basic(java.net.URLEncoder.encode(client.id(), java.nio.charset.StandardCharsets.UTF_8),
                client.secret().orElseThrow());

        assertThat(fixture.server.token(codeForm(code, "client_id", client.id()), Optional.of(header)))
                .containsKey("access_token");
    }

    @Test
    void tokenWhenPostClientSendsSecretInBodyThenSucceeds() {
        Fixture.Client client = fixture.register("client_secret_post", Fixture.REDIRECT);

        assertThat(fixture.tokens(client)).containsKey("access_token");
    }

    @Test
    void tokenWhenSecretWrongThenInvalidClient() {
        Fixture.Client basicClient = fixture.register("client_secret_basic", Fixture.REDIRECT);
        Fixture.Client postClient = fixture.register("client_secret_post", Fixture.REDIRECT);
        Fixture.Authorized basicCode = fixture.authorize(basicClient);
        Fixture.Authorized postCode = fixture.authorize(postClient);

        assertThat(errorOf(() -> fixture.server.token(codeForm(basicCode),
                Optional.of(basic(basicClient.id(), "wrong"))))).isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        assertThat(errorOf(() -> fixture.server.token(codeForm(postCode, "client_id", postClient.id(),
                "client_secret", "wrong"), Optional.empty()))).isEqualTo(OAuthErrorCode.INVALID_CLIENT);
    }

    @Test
    void tokenWhenClientUsesAnotherMethodThanRegisteredThenInvalidClient() {
        Fixture.Client basicClient = fixture.register("client_secret_basic", Fixture.REDIRECT);
        Fixture.Client publicClient = fixture.registerPublic();
        Fixture.Authorized code = fixture.authorize(basicClient);
        Fixture.Authorized publicCode = fixture.authorize(publicClient);

        assertThat(errorOf(() -> fixture.server.token(codeForm(code, "client_id", basicClient.id(),
                "client_secret", basicClient.secret().orElseThrow()), Optional.empty())))
                .as("post instead of basic").isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        assertThat(errorOf(() -> fixture.server.token(codeForm(code, "client_id", basicClient.id()), Optional.empty())))
                .as("no secret at all").isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        assertThat(errorOf(() -> fixture.server.token(codeForm(publicCode),
                Optional.of(basic(publicClient.id(), "anything"))))).as("a public client sending a secret")
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
    }

    @Test
    void tokenWhenBodyClientIdDiffersFromBasicThenInvalidClient() {
        Fixture.Client client = fixture.register("client_secret_basic", Fixture.REDIRECT);
        Fixture.Client other = fixture.registerPublic();
        Fixture.Authorized code = fixture.authorize(client);

        assertThat(errorOf(() -> fixture.server.token(codeForm(code, "client_id", other.id()), client.header())))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
    }

    @Test
    void tokenWhenBothBasicAndPostAreUsedThenInvalidRequest() {
        Fixture.Client client = fixture.register("client_secret_basic", Fixture.REDIRECT);
        Fixture.Authorized code = fixture.authorize(client);

        assertThat(errorOf(() -> fixture.server.token(codeForm(code, "client_secret", client.secret().orElseThrow()),
                client.header()))).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void tokenWhenClientUnknownOrMissingOrHeaderMalformedThenInvalidClient() {
        Fixture.Client client = fixture.registerPublic();
        Fixture.Authorized code = fixture.authorize(client);

        assertThat(errorOf(() -> fixture.server.token(codeForm(code, "client_id", "nobody"), Optional.empty())))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        assertThat(errorOf(() -> fixture.server.token(codeForm(code), Optional.empty())))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        assertThat(errorOf(() -> fixture.server.token(codeForm(code), Optional.of("Basic !!!not-base64"))))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        assertThat(errorOf(() -> fixture.server.token(codeForm(code), Optional.of("Basic "
                + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes())))))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
    }

    @Test
    void tokenIgnoresNonBasicAuthorizationHeaders() {
        Fixture.Client client = fixture.registerPublic();
        Fixture.Authorized code = fixture.authorize(client);

        assertThat(fixture.server.token(codeForm(code, "client_id", client.id()), Optional.of("Bearer abc")))
                .containsKey("access_token");
    }

    @Test
    void tokenWhenGrantTypeMissingOrUnsupportedThenMatchingError() {
        Fixture.Client client = fixture.registerPublic();

        assertThat(errorOf(() -> fixture.server.token(pairs("client_id", client.id()), Optional.empty())))
                .isEqualTo(OAuthErrorCode.INVALID_REQUEST);
        assertThat(errorOf(() -> fixture.server.token(pairs("client_id", client.id(),
                "grant_type", "client_credentials"), Optional.empty()))).isEqualTo(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE);
        assertThat(errorOf(() -> fixture.server.token(pairs("client_id", client.id(),
                "grant_type", "password", "username", "a", "password", "b"), Optional.empty())))
                .isEqualTo(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE);
    }
}
