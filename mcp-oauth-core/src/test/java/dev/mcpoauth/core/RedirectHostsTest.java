package dev.mcpoauth.core;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectHostsTest {

    private static final Set<String> ALLOWED = Set.of("claude.ai", "*.example.com", "localhost", "cursor:");

    @Test
    void emptyListAllowsEverything() {
        assertThat(RedirectHosts.allows(Set.of(), "https://evil.example.net/cb")).isTrue();
    }

    @Test
    void hostsWildcardsLoopbackAndSchemesMatchAsDocumented() {
        assertThat(RedirectHosts.allows(ALLOWED, "https://claude.ai/api/mcp/auth_callback")).isTrue();
        assertThat(RedirectHosts.allows(ALLOWED, "https://CLAUDE.AI/cb")).isTrue();
        assertThat(RedirectHosts.allows(ALLOWED, "https://app.example.com/cb")).isTrue();
        assertThat(RedirectHosts.allows(ALLOWED, "http://127.0.0.1:5555/cb")).isTrue();
        assertThat(RedirectHosts.allows(ALLOWED, "http://[::1]:5555/cb")).isTrue();
        assertThat(RedirectHosts.allows(ALLOWED, "cursor://anysphere.cursor-retrieval/cb")).isTrue();
    }

    @Test
    void lookalikesAndOtherHostsAreRefused() {
        assertThat(RedirectHosts.allows(ALLOWED, "https://claude.ai.evil.net/cb")).isFalse();
        assertThat(RedirectHosts.allows(ALLOWED, "https://evilclaude.ai/cb")).isFalse();
        assertThat(RedirectHosts.allows(ALLOWED, "https://example.com/cb")).as("a wildcard is not the apex").isFalse();
        assertThat(RedirectHosts.allows(ALLOWED, "https://example.com.evil.net/cb")).isFalse();
        assertThat(RedirectHosts.allows(ALLOWED, "vscode://vscode.github-authentication/cb")).isFalse();
        assertThat(RedirectHosts.allows(Set.of("claude.ai"), "http://localhost:5555/cb")).isFalse();
    }

    @Test
    void entriesAreValidatedLowerCaseHostsWildcardsOrPrivateSchemes() {
        assertThat(RedirectHosts.isValidEntry("claude.ai")).isTrue();
        assertThat(RedirectHosts.isValidEntry("*.example.com")).isTrue();
        assertThat(RedirectHosts.isValidEntry("cursor:")).isTrue();
        assertThat(RedirectHosts.isValidEntry("https:")).as("a web scheme would allow every host").isFalse();
        assertThat(RedirectHosts.isValidEntry("*")).isFalse();
        assertThat(RedirectHosts.isValidEntry("Claude.AI")).isFalse();
        assertThat(RedirectHosts.isValidEntry("https://claude.ai")).isFalse();
    }
}
