package dev.mcpoauth.core;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ServerConfigTest {

    @Test
    void defaultsMatchTheOriginalLibrary() {
        ServerConfig config = ServerConfig.defaults();

        assertThat(config.host()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.dbPath()).isEqualTo(Path.of("auth.db"));
        assertThat(config.supportedScopes()).containsExactly("mcp");
        assertThat(config.requiredScopes()).isEmpty();
        assertThat(config.debug()).isFalse();
        assertThat(config.mcpPath()).isEqualTo("/mcp");
        assertThat(config.accessTokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(config.authorizationCodeLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.pendingLoginLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.refreshTokenLifetime()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void issuerAndResourceAreDerivedFromHostAndPortWithoutTrailingSlash() {
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(8080).mcpPath("/api/mcp").build();

        assertThat(config.issuer()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.resource()).isEqualTo("http://127.0.0.1:8080/api/mcp");
        assertThat(config.protectedResourceMetadataUrl())
                .isEqualTo("http://127.0.0.1:8080/.well-known/oauth-protected-resource/api/mcp");
    }

    @Test
    void publicBaseUrlWinsOverHostAndPortAndLosesItsTrailingSlash() {
        ServerConfig config = ServerConfig.builder().publicBaseUrl("https://mcp.example.com/").build();

        assertThat(config.issuer()).isEqualTo("https://mcp.example.com");
        assertThat(config.resource()).isEqualTo("https://mcp.example.com/mcp");
    }

    @Test
    void publicBaseUrlWithAPathKeepsItAndInsertsTheWellKnownSegmentsBeforeIt() {
        ServerConfig config = ServerConfig.builder().publicBaseUrl("https://example.com/tools/").build();

        assertThat(config.issuer()).isEqualTo("https://example.com/tools");
        assertThat(config.resource()).isEqualTo("https://example.com/tools/mcp");
        assertThat(config.basePath()).isEqualTo("/tools");
        assertThat(config.protectedResourceMetadataUrl()).as("RFC 9728 §3.1")
                .isEqualTo("https://example.com/.well-known/oauth-protected-resource/tools/mcp");
        assertThat(config.authorizationServerMetadataUrl()).as("RFC 8414 §3.1")
                .isEqualTo("https://example.com/.well-known/oauth-authorization-server/tools");
        assertThat(ServerConfig.defaults().basePath()).isEmpty();
        assertThat(ServerConfig.defaults().authorizationServerMetadataUrl())
                .isEqualTo("http://localhost:3000/.well-known/oauth-authorization-server");
    }

    @Test
    void wildcardAndIpv6HostsGiveUsableUrls() {
        assertThat(ServerConfig.builder().host("0.0.0.0").build().issuer()).isEqualTo("http://localhost:3000");
        assertThat(ServerConfig.builder().host("::1").build().issuer()).isEqualTo("http://[::1]:3000");
    }

    @Test
    void buildReportsEveryProblemAtOnce() {
        ServerConfig.Builder builder = ServerConfig.builder().host("bad host").port(70000)
                .supportedScopes("read", "bad scope").requiredScopes("admin")
                .publicBaseUrl(URI.create("ftp://example.com")).mcpPath("mcp/")
                .authorizationCodeLifetime(Duration.ofMinutes(11)).accessTokenLifetime(Duration.ZERO)
                .setting("port", "1");

        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class, builder::build);

        assertThat(e.problems()).hasSize(9);
        assertThat(e.getMessage()).contains("host", "port", "bad scope", "requiredScopes", "publicBaseUrl",
                "mcpPath", "authorizationCodeLifetime", "accessTokenLifetime", "setting 'port'");
    }

    @Test
    void requiredScopesMustBeSupported() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ServerConfig.builder().supportedScopes("read").requiredScopes("read", "write").build());

        assertThat(e.problems()).singleElement().asString().contains("[write]");
    }

    @Test
    void requiredScopesMustNotHoldOfflineAccess() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ServerConfig.builder().supportedScopes("mcp", "offline_access").requiredScopes("offline_access").build());

        assertThat(e.problems()).singleElement().asString().contains("offline_access");
    }

    @Test
    void mcpPathWhenOneOfTheAuthorizationServersOwnPathsThenRefused() {
        for (String path : new String[] {"/token", "/authorize", "/register", "/revoke", "/introspect", "/jwks",
                "/oauth/login", "/oauth/assets/x", "/.well-known/oauth-protected-resource"}) {
            InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                    () -> ServerConfig.builder().mcpPath(path).build());
            assertThat(e).as(path).isNotNull();
            assertThat(e.problems()).singleElement().asString().contains("mcpPath", path);
        }
        assertThat(ServerConfig.builder().mcpPath("/tokens").build().mcpPath()).isEqualTo("/tokens");
        assertThat(ServerConfig.builder().mcpPath("/oauth").build().mcpPath()).isEqualTo("/oauth");
    }

    @Test
    void revocationCheckIntervalDefaultsToOneSecondAndIsBounded() {
        assertThat(ServerConfig.defaults().revocationCheckInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ServerConfig.builder().revocationCheckInterval(Duration.ZERO).build().revocationCheckInterval())
                .isZero();
        for (Duration bad : new Duration[] {Duration.ofMillis(-1), Duration.ofSeconds(61)}) {
            InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                    () -> ServerConfig.builder().revocationCheckInterval(bad).build());
            assertThat(e.problems()).singleElement().asString().contains("revocationCheckInterval");
        }
    }

    @Test
    void publicBaseUrlWithQueryIsRefused() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ServerConfig.builder().publicBaseUrl("https://example.com/?x=1").build());

        assertThat(e.problems()).singleElement().asString().contains("no query");
    }

    @Test
    void toBuilderCopiesEverySetting() {
        ServerConfig config = ServerConfig.builder().host("example.org").port(9000).dbPath(Path.of("x.db"))
                .supportedScopes("a", "b").requiredScopes("a").debug(true).publicBaseUrl("https://x.example")
                .mcpPath("/m").accessTokenLifetime(Duration.ofMinutes(7)).setting("redis.uri", "redis://h")
                .revocationCheckInterval(Duration.ofMillis(250)).build();

        ServerConfig copy = config.toBuilder().build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(config);
        assertThat(config.toBuilder().port(9001).build().port()).isEqualTo(9001);
    }

    @Test
    void providerSettingsLetExplicitValuesWinOverPropertiesOverEnvironmentOverDefaults() {
        ServerConfig defaults = ServerConfig.builder().setting("redis.uri", "redis://builder").build();
        Map<String, String> properties = Map.of("mcpoauth.db.path", "from-property.db",
                "mcpoauth.redis.uri", "redis://property", "mcpoauth.port", "1", "other", "x");
        Map<String, String> environment = Map.of("MCPOAUTH_DB_PATH", "from-env.db", "MCPOAUTH_LOGIN_TEMPLATE", "t.html");

        Map<String, String> values = defaults.providerSettings(properties, environment).values();

        assertThat(values).containsEntry("db.path", "from-property.db")
                .containsEntry("redis.uri", "redis://builder")
                .containsEntry("login.template", "t.html")
                .containsEntry("port", "3000")
                .containsEntry("host", "localhost")
                .containsEntry("issuer", "http://localhost:3000")
                .doesNotContainKey("other");
        assertThat(ServerConfig.builder().dbPath(Path.of("explicit.db")).build()
                .providerSettings(properties, environment).get("db.path")).contains("explicit.db");
        assertThat(ServerConfig.defaults().providerSettings(Map.of(), Map.of()).get("db.path")).contains("auth.db");
    }

    @Test
    void hardeningIsOnByDefault() {
        ServerConfig config = ServerConfig.defaults();

        assertThat(config.loginThrottling()).isEqualTo(LoginThrottling.defaults());
        assertThat(config.loginThrottling().isOff()).isFalse();
        assertThat(config.maxClients()).isEqualTo(10_000);
        assertThat(config.unusedClientLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(config.allowedRedirectHosts()).isEmpty();
        assertThat(config.clientMetadataDocuments()).isTrue();
    }

    @Test
    void hardeningSettingsWhenInvalidThenEveryProblemIsReported() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class, () ->
                ServerConfig.builder().maxClients(0).unusedClientLifetime(Duration.ofSeconds(5))
                        .allowedRedirectHosts("https://claude.ai", "*").build());

        assertThat(e.getMessage()).contains("maxClients").contains("unusedClientLifetime")
                .contains("'https://claude.ai'").contains("'*'");
    }

    @Test
    void toBuilderKeepsTheHardeningSettings() {
        ServerConfig config = ServerConfig.builder().maxClients(7).unusedClientLifetime(Duration.ofHours(2))
                .allowedRedirectHosts("claude.ai").clientMetadataDocuments(false)
                .loginThrottling(LoginThrottling.off()).build();

        ServerConfig copy = config.toBuilder().build();

        assertThat(copy.maxClients()).isEqualTo(7);
        assertThat(copy.unusedClientLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(copy.allowedRedirectHosts()).containsExactly("claude.ai");
        assertThat(copy.clientMetadataDocuments()).isFalse();
        assertThat(copy.loginThrottling().isOff()).isTrue();
    }
}
