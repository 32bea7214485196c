package dev.mcpoauth.helidon;

import dev.mcpoauth.core.HostedServer;
import dev.mcpoauth.core.McpServerDefinition;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.login.DefaultLoginHandler;
import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.ProviderFactory;
import dev.mcpoauth.spi.ProviderSettings;
import dev.mcpoauth.spi.TransportContext;
import dev.mcpoauth.spi.TransportProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider: its identity, its declarations, and the settings it reads. */
class HelidonTransportProviderTest {

    private static HostedServer hosted() {
        return new HostedServer("app", ServerConfig.defaults(), config -> {
            throw new AssertionError("creating the transport must not create the engine");
        }, DefaultLoginHandler.create("app"),
                new McpServerDefinition("app", "1", Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    private record Context(ProviderSettings settings, Map<Class<?>, Object> components) implements TransportContext {
        @Override
        public String appName() {
            return "app";
        }

        @Override
        public <T> Optional<T> component(Class<T> type) {
            return Optional.ofNullable(components.get(type)).map(type::cast);
        }
    }

    @Test
    void providerThenIsHelidonAtTheDefaultWeightAndCreatesAnUnstartedTransport() {
        HelidonTransportProvider provider = new HelidonTransportProvider();

        assertThat(provider.id()).isEqualTo("helidon");
        assertThat(provider.weight()).isEqualTo(ProviderFactory.DEFAULT_WEIGHT);
        var transport = provider.create(new Context(ProviderSettings.empty(), Map.of(HostedServer.class, hosted())));
        assertThat(transport).isInstanceOf(HelidonTransport.class);
        assertThatThrownBy(transport::port).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void providerWithoutHostedServerThenFailsWithAProviderConfigurationError() {
        assertThatThrownBy(() -> new HelidonTransportProvider().create(new Context(ProviderSettings.empty(), Map.of())))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("HostedServer");
    }

    @Test
    void moduleInfoAndMetaInfServicesThenDeclareTheSameProvider() throws IOException {
        Module module = HelidonTransportProvider.class.getModule();
        List<String> declared = module.getDescriptor().provides().stream()
                .filter(p -> p.service().equals(TransportProvider.class.getName()))
                .flatMap(p -> p.providers().stream()).toList();
        String services;
        try (InputStream in = module.getResourceAsStream("META-INF/services/" + TransportProvider.class.getName())) {
            assertThat(in).as("META-INF/services file for class-path users").isNotNull();
            services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> listed = Arrays.stream(services.split("\n")).map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertThat(declared).containsExactly(HelidonTransportProvider.class.getName());
        assertThat(listed).isEqualTo(declared);
        assertThat(module.getDescriptor().exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("dev.mcpoauth.helidon");
    }

    @Test
    void settingKeysWhenAllSetThenEveryValueIsRead() {
        TransportSettings s = SettingKeys.read(new ProviderSettings(Map.of(
                "mcp.stateless", "TRUE", "mcp.allowed.origins", "http://localhost:6274, HTTPS://App.Example",
                "mcp.max.body.bytes", "1024", "mcp.keep.alive", "PT5S", "mcp.session.idle.timeout", "90",
                "oauth.max.body.bytes", "2048", "http.trusted.proxies", "10.0.0.5,::1")));

        assertThat(s.stateless()).isTrue();
        assertThat(s.allowedOrigins()).containsExactlyInAnyOrder("http://localhost:6274", "https://app.example");
        assertThat(s.mcpMaxBodyBytes()).isEqualTo(1024);
        assertThat(s.keepAliveInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.sessionIdleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.oauthMaxBodyBytes()).isEqualTo(2048);
        assertThat(s.trustedProxies()).containsExactlyInAnyOrder("10.0.0.5", "::1");
        assertThat(SettingKeys.read(ProviderSettings.empty())).hasToString(TransportSettings.defaults().toString());
    }

    @Test
    void allowedOriginsWhenSetEvenEmptyThenTheyReplaceTheDefaultAndHostedClientsExpands() {
        TransportSettings hosted = SettingKeys.read(new ProviderSettings(Map.of(
                "mcp.allowed.origins", "hosted-clients, http://localhost:6274")));
        TransportSettings empty = SettingKeys.read(new ProviderSettings(Map.of("mcp.allowed.origins", "")));

        assertThat(TransportSettings.defaults().originsExplicit()).isFalse();
        assertThat(TransportSettings.defaults().toBuilder().build().originsExplicit()).isFalse();
        assertThat(hosted.originsExplicit()).isTrue();
        assertThat(hosted.allowedOrigins()).contains("https://claude.ai", "https://chatgpt.com", "https://vscode.dev",
                "http://localhost:6274").containsAll(TransportSettings.hostedClientOrigins());
        assertThat(hosted.toBuilder().build().allowedOrigins()).isEqualTo(hosted.allowedOrigins());
        assertThat(empty.originsExplicit()).isTrue();
        assertThat(empty.allowedOrigins()).isEmpty();
    }

    @Test
    void settingKeysWhenValuesAreBadThenOneErrorNamesEveryKey() {
        ProviderSettings bad = new ProviderSettings(Map.of("mcp.stateless", "yes", "mcp.max.body.bytes", "big",
                "mcp.keep.alive", "soon", "http.trusted.proxies", "proxy.example"));

        assertThatThrownBy(() -> new HelidonTransportProvider().create(new Context(bad, Map.of(HostedServer.class, hosted()))))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("mcp.stateless").hasMessageContaining("mcp.max.body.bytes")
                .hasMessageContaining("mcp.keep.alive").hasMessageContaining("proxy.example");
    }

    @Test
    void settingsComponentWhenGivenThenWinsOverBadProviderSettings() {
        ProviderSettings bad = new ProviderSettings(Map.of("mcp.stateless", "yes"));
        TransportSettings component = TransportSettings.builder().stateless(true).build();

        assertThat(new HelidonTransportProvider().create(new Context(bad,
                Map.of(HostedServer.class, hosted(), TransportSettings.class, component)))).isNotNull();
    }

    @Test
    void transportSettingsWhenInvalidThenEveryProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> TransportSettings.builder().mcpMaxBodyBytes(0).oauthMaxBodyBytes(-1)
                .keepAliveInterval(Duration.ofSeconds(-1)).allowedOrigins(Set.of("localhost:3000")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mcpMaxBodyBytes").hasMessageContaining("oauthMaxBodyBytes")
                .hasMessageContaining("keepAliveInterval").hasMessageContaining("localhost:3000");
    }
}
