package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.PendingAuthorization;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mcpoauth.core.Fixture.errorOf;
import static dev.mcpoauth.core.Fixture.query;
import static org.assertj.core.api.Assertions.assertThat;

class AuthorizeTest {

    private final Fixture fixture = new Fixture(ServerConfig.builder()
            .supportedScopes("read", "write", "admin").requiredScopes("read").build());
    private final Fixture.Client client = fixture.register("none", Fixture.REDIRECT);
    private final String verifier = Fixture.newVerifier();

    @AfterEach
    void close() {
        fixture.close();
    }

    private Map<String, String> params(String... overrides) {
        return fixture.authorizeParams(client, verifier, overrides);
    }

    private Map<String, String> errorRedirect(Map<String, String> params) {
        AuthorizeResult result = fixture.server.authorize(params);
        assertThat(result).isInstanceOf(AuthorizeResult.ErrorRedirect.class);
        URI location = ((AuthorizeResult.ErrorRedirect) result).location();
        assertThat(location.toString()).startsWith(Fixture.REDIRECT + "?");
        return query(location);
    }

    private PendingAuthorization pendingOf(AuthorizeResult result) {
        String id = ((AuthorizeResult.LoginRequired) result).loginRequestId();
        return fixture.store.findPendingAuthorization(Secrets.hash(id), fixture.clock.instant()).orElseThrow();
    }

    @Test
    void authorizeWhenValidThenStoresPendingRequestUnderHashOfServerChosenId() {
        AuthorizeResult result = fixture.server.authorize(params());

        AuthorizeResult.LoginRequired login = (AuthorizeResult.LoginRequired) result;
        assertThat(login.loginRequestId()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo("client-state-1");
        assertThat(login.location().toString())
                .isEqualTo("http://localhost:3000/oauth/login?state=" + login.loginRequestId());
        assertThat(login.toString()).doesNotContain(login.loginRequestId());
        PendingAuthorization pending = pendingOf(result);
        assertThat(pending.clientState()).contains("client-state-1");
        assertThat(pending.codeChallenge()).isEqualTo(Fixture.challenge(verifier));
        assertThat(pending.resource()).isEqualTo("http://localhost:3000/mcp");
        assertThat(pending.redirectUriExplicit()).isTrue();
        assertThat(pending.expiresAt()).isEqualTo(fixture.clock.instant().plus(fixture.server.config().pendingLoginLifetime()));
        assertThat(fixture.store.findPendingAuthorization(login.loginRequestId(), fixture.clock.instant())).isEmpty();
    }

    @Test
    void authorizeWhenScopeOmittedThenRequiredScopesAreAsked() {
        AuthorizeResult result = fixture.server.authorize(params());

        assertThat(pendingOf(result).scopes()).containsExactly("read");
    }

    @Test
    void authorizeWhenNothingRequiredAndScopeOmittedThenEveryRegisteredScope() {
        try (Fixture open = new Fixture(ServerConfig.builder().supportedScopes("a", "b").build())) {
            Fixture.Client c = open.registerPublic();
            AuthorizeResult result = open.server.authorize(open.authorizeParams(c, verifier));
            String id = ((AuthorizeResult.LoginRequired) result).loginRequestId();
            assertThat(open.store.findPendingAuthorization(Secrets.hash(id), open.clock.instant())
                    .orElseThrow().scopes()).containsExactly("a", "b");
        }
    }

    @Test
    void authorizeWhenUnknownClientThenThrowsAndNeverRedirects() {
        assertThat(errorOf(() -> fixture.server.authorize(params("client_id", "nobody"))))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        Map<String, String> noClient = params();
        noClient.remove("client_id");
        assertThat(errorOf(() -> fixture.server.authorize(noClient))).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void authorizeWhenRedirectUriNotRegisteredThenThrowsEvenIfOtherParametersAreWrong() {
        assertThat(errorOf(() -> fixture.server.authorize(params("redirect_uri", "https://evil.example/cb",
                "response_type", "token")))).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
        assertThat(errorOf(() -> fixture.server.authorize(params("redirect_uri", "http://127.0.0.1:8765/other"))))
                .isEqualTo(OAuthErrorCode.INVALID_REQUEST);
        assertThat(errorOf(() -> fixture.server.authorize(params("redirect_uri", "http://localhost:8765/callback"))))
                .as("loopback matching ignores only the port, not the host").isEqualTo(OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void authorizeWhenLoopbackRedirectThenAnyPortMatches() {
        AuthorizeResult result = fixture.server.authorize(params("redirect_uri", "http://127.0.0.1:50123/callback"));

        assertThat(pendingOf(result).redirectUri()).isEqualTo("http://127.0.0.1:50123/callback");
    }

    @Test
    void authorizeWhenHttpsRedirectThenOnlyExactMatch() {
        Fixture.Client web = fixture.register("none", "https://app.example.com/cb");

        assertThat(errorOf(() -> fixture.server.authorize(fixture.authorizeParams(web, verifier,
                "redirect_uri", "https://app.example.com:444/cb")))).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
        assertThat(errorOf(() -> fixture.server.authorize(fixture.authorizeParams(web, verifier,
                "redirect_uri", "https://app.example.com/cb/")))).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void authorizeWhenRedirectUriOmittedThenTheOnlyRegisteredOneIsUsed() {
        Map<String, String> p = params();
        p.remove("redirect_uri");

        PendingAuthorization pending = pendingOf(fixture.server.authorize(p));

        assertThat(pending.redirectUri()).isEqualTo(Fixture.REDIRECT);
        assertThat(pending.redirectUriExplicit()).isFalse();
    }

    @Test
    void authorizeWhenRedirectUriOmittedAndSeveralRegisteredThenThrows() {
        Fixture.Client two = fixture.register("none", "https://a.example/cb", "https://b.example/cb");
        Map<String, String> p = fixture.authorizeParams(two, verifier);
        p.remove("redirect_uri");

        assertThat(errorOf(() -> fixture.server.authorize(p))).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void authorizeWhenResponseTypeIsNotCodeThenRedirectsUnsupportedResponseType() {
        Map<String, String> error = errorRedirect(params("response_type", "token"));

        assertThat(error).containsEntry("error", "unsupported_response_type")
                .containsEntry("state", "client-state-1").containsEntry("iss", "http://localhost:3000")
                .containsKey("error_description");
    }

    @Test
    void authorizeWhenResponseTypeMissingThenRedirectsInvalidRequest() {
        Map<String, String> p = params();
        p.remove("response_type");

        assertThat(errorRedirect(p)).containsEntry("error", "invalid_request");
    }

    @Test
    void authorizeWhenNoCodeChallengeThenRedirectsInvalidRequest() {
        Map<String, String> p = params();
        p.remove("code_challenge");

        assertThat(errorRedirect(p)).containsEntry("error", "invalid_request");
    }

    @Test
    void authorizeWhenChallengeMethodPlainOrAbsentThenRedirectsInvalidRequest() {
        Map<String, String> absent = params();
        absent.remove("code_challenge_method");

        assertThat(errorRedirect(params("code_challenge_method", "plain"))).containsEntry("error", "invalid_request");
        assertThat(errorRedirect(absent)).as("an absent method means plain (RFC 7636 §4.3)")
                .containsEntry("error", "invalid_request");
    }

    @Test
    void authorizeWhenChallengeMalformedThenRedirectsInvalidRequest() {
        assertThat(errorRedirect(params("code_challenge", "too-short"))).containsEntry("error", "invalid_request");
    }

    @Test
    void authorizeWhenScopeNotAllowedThenRedirectsInvalidScope() {
        Fixture.Client narrow = fixture.clientWithScope("write");
        Map<String, String> error = errorRedirect(fixture.authorizeParams(narrow, verifier, "scope", "read"));

        assertThat(error).containsEntry("error", "invalid_scope");
        assertThat(errorRedirect(params("scope", "read unknown"))).containsEntry("error", "invalid_scope");
    }

    @Test
    void authorizeWhenScopeIsSubsetThenItIsKept() {
        assertThat(pendingOf(fixture.server.authorize(params("scope", "write read"))).scopes())
                .containsExactly("write", "read");
    }

    @Test
    void authorizeWhenResourceIsAnotherUrlThenRedirectsInvalidTarget() {
        assertThat(errorRedirect(params("resource", "https://other.example/mcp"))).containsEntry("error", "invalid_target");
        assertThat(errorRedirect(params("resource", "http://localhost:3000/mcp/"))).containsEntry("error", "invalid_target");
    }

    @Test
    void authorizeWhenResourceIsTheCanonicalUrlThenAccepted() {
        assertThat(fixture.server.authorize(params("resource", "http://localhost:3000/mcp")))
                .isInstanceOf(AuthorizeResult.LoginRequired.class);
    }

    @Test
    void authorizeWhenNoStateThenErrorRedirectOmitsIt() {
        Map<String, String> p = params("response_type", "token");
        p.remove("state");

        assertThat(errorRedirect(p)).doesNotContainKey("state").containsKey("iss");
    }

    @Test
    void authorizeIgnoresUnknownParameters() {
        assertThat(fixture.server.authorize(params("prompt", "consent", "nonce", "x")))
                .isInstanceOf(AuthorizeResult.LoginRequired.class);
    }

    @Test
    void authorizeWhenRedirectUriHasQueryThenErrorParametersAreAppended() {
        Fixture.Client withQuery = fixture.register("none", "https://app.example.com/cb?tenant=7");

        AuthorizeResult result = fixture.server.authorize(fixture.authorizeParams(withQuery, verifier,
                "response_type", "token"));

        assertThat(((AuthorizeResult.ErrorRedirect) result).location().toString())
                .startsWith("https://app.example.com/cb?tenant=7&error=unsupported_response_type&");
    }

    @Test
    void loginRequiredNeverCarriesTheClientState() {
        AuthorizeResult.LoginRequired login = (AuthorizeResult.LoginRequired) fixture.server.authorize(params());

        assertThat(login.location().getRawQuery()).doesNotContain("client-state-1");
        assertThat(Optional.of(login.loginRequestId())).isNotEqualTo(pendingOf(login).clientState());
    }
}
