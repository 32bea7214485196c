package dev.mcpoauth.helidon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lifetimes set without code reach the real server: by setting key on the configuration and by the
 * system property {@code mcpoauth.<key>} (the environment variable is the examples' launched test).
 */
class LifetimeSettingsTest {

    @TempDir
    Path dir;

    @Test
    void accessTokenLifetimeBySettingKeyThenTokensSayItInExpiresIn() {
        try (RunningServer server = RunningServer.start(dir, b -> b.setting("access.token.lifetime", "2m")
                .setting("authorization.code.lifetime", "90s"))) {
            Map<String, Object> tokens = server.client().publicTokens();

            assertThat(tokens.get("expires_in")).as("2m from the setting, not the default hour").isEqualTo(120L);
            assertThat(server.server.authorizationServer().config().authorizationCodeLifetime())
                    .isEqualTo(Duration.ofSeconds(90));
        }
    }

    @Test
    void accessTokenLifetimeBySystemPropertyThenTokensSayItButTheBuilderMethodStillWins() {
        String key = "mcpoauth.access.token.lifetime";
        System.setProperty(key, "PT3M");
        try {
            try (RunningServer server = RunningServer.start(dir.resolve("a"), b -> b)) {
                assertThat(server.client().publicTokens().get("expires_in")).isEqualTo(180L);
            }
            try (RunningServer server = RunningServer.start(dir.resolve("b"),
                    b -> b.accessTokenLifetime(Duration.ofMinutes(4)))) {
                assertThat(server.client().publicTokens().get("expires_in"))
                        .as("what code says wins over the system property").isEqualTo(240L);
            }
        } finally {
            System.clearProperty(key);
        }
    }
}
