package dev.mcpoauth.core;

import dev.mcpoauth.spi.ProviderSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every duration of {@link ServerConfig} set by setting key, system property or environment variable. */
class DurationSettingsTest {

    static final Map<String, String> NONE = Map.of();

    @Test
    void environmentVariablesSetEveryDurationWithoutCode() {
        ServerConfig config = ServerConfig.builder().build(NONE, Map.of(
                "MCPOAUTH_ACCESS_TOKEN_LIFETIME", "15m",
                "MCPOAUTH_AUTHORIZATION_CODE_LIFETIME", "PT2M",
                "MCPOAUTH_PENDING_LOGIN_LIFETIME", "300",
                "MCPOAUTH_REFRESH_TOKEN_LIFETIME", "7d",
                "MCPOAUTH_GRANT_LIFETIME", "P30D",
                "MCPOAUTH_SIGNING_KEY_ROTATION", "12h",
                "MCPOAUTH_UNUSED_CLIENT_LIFETIME", "2h",
                "MCPOAUTH_REVOCATION_CHECK_INTERVAL", "500ms",
                "MCPOAUTH_REFRESH_REUSE_GRACE", "10s"));

        assertThat(config.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.authorizationCodeLifetime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.pendingLoginLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.refreshTokenLifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(config.grantLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(config.signingKeyRotation()).isEqualTo(Duration.ofHours(12));
        assertThat(config.unusedClientLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(config.revocationCheckInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.refreshReuseGrace()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refreshReuseGraceIsSixtySecondsByDefaultZeroForStrictRotationAndAtMostAnHour() {
        assertThat(ServerConfig.builder().build(NONE, NONE).refreshReuseGrace()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ServerConfig.builder().build(NONE, Map.of("MCPOAUTH_REFRESH_REUSE_GRACE", "0")).refreshReuseGrace())
                .isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> ServerConfig.builder().build(NONE, Map.of("MCPOAUTH_REFRESH_REUSE_GRACE", "2h")))
                .hasMessageContaining("MCPOAUTH_REFRESH_REUSE_GRACE");
    }

    @Test
    void precedenceIsBuilderMethodThenSettingThenSystemPropertyThenEnvironmentThenDefault() {
        Map<String, String> env = Map.of("MCPOAUTH_ACCESS_TOKEN_LIFETIME", "2h", "MCPOAUTH_GRANT_LIFETIME", "10d",
                "MCPOAUTH_REFRESH_TOKEN_LIFETIME", "5d", "MCPOAUTH_PENDING_LOGIN_LIFETIME", "20m");
        Map<String, String> props = Map.of("mcpoauth.access.token.lifetime", "30m", "mcpoauth.grant.lifetime", "20d",
                "mcpoauth.refresh.token.lifetime", "6d");

        ServerConfig config = ServerConfig.builder()
                .accessTokenLifetime(Duration.ofMinutes(7))
                .setting("access.token.lifetime", "8m")
                .setting("grant.lifetime", "40d")
                .build(props, env);

        assertThat(config.accessTokenLifetime()).as("the builder method wins over every setting").isEqualTo(Duration.ofMinutes(7));
        assertThat(config.grantLifetime()).as("setting(key) wins over the system property").isEqualTo(Duration.ofDays(40));
        assertThat(config.refreshTokenLifetime()).as("the system property wins over the environment")
                .isEqualTo(Duration.ofDays(6));
        assertThat(config.pendingLoginLifetime()).as("the environment fills in").isEqualTo(Duration.ofMinutes(20));
        assertThat(config.authorizationCodeLifetime()).as("the default otherwise").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void toBuilderKeepsWhatCodeSetAndResolvesTheRestAgain() {
        ServerConfig first = ServerConfig.builder().refreshTokenLifetime(Duration.ofDays(3))
                .build(NONE, Map.of("MCPOAUTH_ACCESS_TOKEN_LIFETIME", "2h", "MCPOAUTH_REFRESH_TOKEN_LIFETIME", "9d"));

        ServerConfig again = first.toBuilder().port(0).build(NONE, NONE);

        assertThat(again.refreshTokenLifetime()).as("set in code: kept").isEqualTo(Duration.ofDays(3));
        assertThat(again.accessTokenLifetime()).as("from a setting that is gone now: back to the default")
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void badValuesFailTheBuildWithEveryProblemListedAtOnce() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ServerConfig.builder().port(-1).setting("grant.lifetime", "forever").build(NONE, Map.of(
                        "MCPOAUTH_ACCESS_TOKEN_LIFETIME", "banana",
                        "MCPOAUTH_AUTHORIZATION_CODE_LIFETIME", "1h",
                        "MCPOAUTH_REFRESH_TOKEN_LIFETIME", "-5d")));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                        .startsWith("access.token.lifetime / MCPOAUTH_ACCESS_TOKEN_LIFETIME must be a duration").contains("'banana'"))
                .anySatisfy(p -> assertThat(p).startsWith("grant.lifetime / MCPOAUTH_GRANT_LIFETIME must be a duration"))
                .anySatisfy(p -> assertThat(p).startsWith("refresh.token.lifetime / MCPOAUTH_REFRESH_TOKEN_LIFETIME"))
                .anySatisfy(p -> assertThat(p).startsWith("authorizationCodeLifetime (authorization.code.lifetime / "
                        + "MCPOAUTH_AUTHORIZATION_CODE_LIFETIME) must be between 1 second and 10 minutes, but is PT1H"))
                .anySatisfy(p -> assertThat(p).startsWith("port must be between"))
                .hasSize(5);
    }

    @Test
    void parseDurationReadsIsoUnitsAndSecondsAndNamesWhatItAccepts() {
        assertThat(ProviderSettings.parseDuration("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ProviderSettings.parseDuration(" p30d ")).isEqualTo(Duration.ofDays(30));
        assertThat(ProviderSettings.parseDuration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ProviderSettings.parseDuration("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(ProviderSettings.parseDuration("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(ProviderSettings.parseDuration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(ProviderSettings.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ProviderSettings.parseDuration("900")).isEqualTo(Duration.ofSeconds(900));
        assertThatThrownBy(() -> ProviderSettings.parseDuration("15 minutes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT15M, 15m, 2h, 30d");
        assertThat(new ProviderSettings(Map.of("k", "1h")).duration("k")).contains(Duration.ofHours(1));
        assertThatThrownBy(() -> new ProviderSettings(Map.of("k", "x")).duration("k")).hasMessageStartingWith("k must be");
    }

    @Test
    void allowedRedirectHostsFromTheEnvironmentWithPresetNamesAndTheBuilderWins() {
        ServerConfig fromEnvironment = ServerConfig.builder().build(NONE,
                Map.of("MCPOAUTH_ALLOWED_REDIRECT_HOSTS", "hosted-clients, mcp.example.com"));
        assertThat(fromEnvironment.allowedRedirectHosts()).contains("claude.ai", "chatgpt.com", "mcp.example.com");

        ServerConfig fromCode = ServerConfig.builder().allowedRedirectHosts("only.example.com").build(NONE,
                Map.of("MCPOAUTH_ALLOWED_REDIRECT_HOSTS", "hosted-clients"));
        assertThat(fromCode.allowedRedirectHosts()).containsExactly("only.example.com");
        assertThat(ServerConfig.builder().build(NONE, NONE).allowedRedirectHosts()).as("default: any host").isEmpty();
    }
}
