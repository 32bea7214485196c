package dev.mcpoauth.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectHostPresetsTest {

    @Test
    void presetsNameTheHostedAndDesktopClientsCallbacks() {
        assertThat(RedirectHostPresets.hostedClients()).containsExactly("claude.ai", "claude.com", "chatgpt.com", "vscode.dev");
        assertThat(RedirectHostPresets.desktopClients()).containsExactly("localhost", "cursor:");
    }

    @Test
    void allowListWhenItNamesPresetsThenHoldsTheirEntriesExpandedInOrder() {
        ServerConfig config = ServerConfig.builder()
                .allowedRedirectHosts("tools.example.com", "hosted-clients", "desktop-clients").build();

        assertThat(config.allowedRedirectHosts()).containsExactly("tools.example.com", "claude.ai", "claude.com",
                "chatgpt.com", "vscode.dev", "localhost", "cursor:");
        assertThat(config.toBuilder().build().allowedRedirectHosts()).isEqualTo(config.allowedRedirectHosts());
    }

    @Test
    void allowListWhenAnEntryIsNeitherHostNorPresetThenRefused() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ServerConfig.builder()
                .allowedRedirectHosts("hosted clients").build())).hasMessageContaining("preset");
    }
}
