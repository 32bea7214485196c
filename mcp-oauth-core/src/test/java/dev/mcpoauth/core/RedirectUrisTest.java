package dev.mcpoauth.core;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectUrisTest {

    @Test
    void loopbackRedirectMatchesOnAnyPortButOtherwiseExactly() {
        List<String> registered = List.of("http://127.0.0.1/callback", "http://localhost:3000/cb?x=1");

        assertThat(RedirectUris.matches("http://127.0.0.1:55555/callback", registered)).isTrue();
        assertThat(RedirectUris.matches("http://localhost:4000/cb?x=1", registered)).isTrue();
        assertThat(RedirectUris.matches("http://localhost:4000/cb?x=2", registered)).isFalse();
        assertThat(RedirectUris.matches("http://127.0.0.1:5555/callback/more", registered)).isFalse();
        assertThat(RedirectUris.matches("https://127.0.0.1:5555/callback", registered)).isFalse();
        assertThat(RedirectUris.matches("http://[::1]:5555/callback", registered)).isFalse();
    }

    @Test
    void nonLoopbackRedirectMatchesOnlyExactly() {
        List<String> registered = List.of("https://app.example.com/cb", "cursor://anysphere.cursor-retrieval/cb");

        assertThat(RedirectUris.matches("https://app.example.com/cb", registered)).isTrue();
        assertThat(RedirectUris.matches("https://app.example.com:443/cb", registered)).isFalse();
        assertThat(RedirectUris.matches("cursor://anysphere.cursor-retrieval/cb", registered)).isTrue();
        assertThat(RedirectUris.matches("cursor://anysphere.cursor-retrieval:1/cb", registered)).isFalse();
    }

    @Test
    void displayHostShowsTheHostOrTheCustomScheme() {
        assertThat(RedirectUris.displayHost("https://claude.ai/api/callback")).isEqualTo("claude.ai");
        assertThat(RedirectUris.displayHost("com.example.app:/oauth")).isEqualTo("com.example.app");
        assertThat(RedirectUris.isLoopback("http://localhost:1/cb")).isTrue();
        assertThat(RedirectUris.isLoopback("https://localhost:1/cb")).isFalse();
    }

    @Test
    void queryParametersAreAppendedAndEncoded() {
        assertThat(QueryStrings.withParams("https://a.example/cb", Map.of("state", "a b&c")))
                .isEqualTo(URI.create("https://a.example/cb?state=a%20b%26c"));
        assertThat(QueryStrings.withParams("https://a.example/cb?x=1", Map.of("code", "z")))
                .isEqualTo(URI.create("https://a.example/cb?x=1&code=z"));
        assertThat(QueryStrings.withParams("https://a.example/cb?", Map.of("code", "z")))
                .isEqualTo(URI.create("https://a.example/cb?code=z"));
    }

    @Test
    void pkceS256MatchesTheRfc7636AppendixBExample() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

        assertThat(Pkce.challenge(verifier)).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(Pkce.matches(verifier, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")).isTrue();
        assertThat(Pkce.isWellFormedVerifier(verifier)).isTrue();
        assertThat(Pkce.isWellFormedVerifier(verifier.substring(1))).isFalse();
    }

    @Test
    void scopesParseKeepOrderDropRepeatsAndRefuseBadCharacters() {
        assertThat(Scopes.parse("  b a  b ")).containsExactly("b", "a");
        assertThat(Scopes.isValidToken("a\"b")).isFalse();
        assertThat(Scopes.isValidToken("files:read")).isTrue();
    }

    @Test
    void secretsAre256BitsAndHashesAreBase64UrlSha256() {
        assertThat(Secrets.newSecret()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Secrets.newSecret()).isNotEqualTo(Secrets.newSecret());
        assertThat(Secrets.hash("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }
}
