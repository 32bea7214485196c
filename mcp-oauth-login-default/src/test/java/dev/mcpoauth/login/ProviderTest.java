package dev.mcpoauth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpoauth.spi.LoginHandlerProvider;
import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.ProviderFactory;
import dev.mcpoauth.spi.ProviderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderTest {

    private final DefaultLoginHandlerProvider provider = new DefaultLoginHandlerProvider();

    @Test
    void idIsDefaultAtTheDefaultWeight() {
        assertThat(provider.id()).isEqualTo("default");
        assertThat(provider.weight()).isEqualTo(ProviderFactory.DEFAULT_WEIGHT);
    }

    @Test
    void createUsesAppNameAndTemplateSettings() {
        var handler = provider.create(new ProviderSettings(Map.of("app.name", "Settings App",
                "login.template", "<form method=post><b>{app_name}</b></form>")));

        String body = new Browser(handler, RecordingFlow.knowing("s")).get("s").body();

        assertThat(body).startsWith("<form method=post><input type=\"hidden\" name=\"csrf_token\"")
                .contains("<b>Settings App</b>");
    }

    @Test
    void createWithoutAppNameNamesTheMissingSetting() {
        assertThatThrownBy(() -> provider.create(ProviderSettings.empty()))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("app.name");
    }

    @Test
    void createReportsBadSettingsWithoutRepeatingTheKey() {
        assertThatThrownBy(() -> provider.create(new ProviderSettings(Map.of("app.name", "A",
                "login.cookie.secure", "sometimes")))).isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("auto, always or never");
        assertThatThrownBy(() -> provider.create(new ProviderSettings(Map.of("app.name", "A",
                "login.csrf.key", "not base64 secret!")))).isInstanceOf(ProviderConfigurationException.class)
                .hasMessageNotContaining("secret!");
        assertThatThrownBy(() -> provider.create(new ProviderSettings(Map.of("app.name", "A",
                "login.template", "<p>no form</p>")))).isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("<form>");
    }

    @Test
    void createWithSharedKeyAndSecureCookieAppliesThem() {
        byte[] key = new byte[48];
        key[5] = 9;
        var settings = new ProviderSettings(Map.of("app.name", "A", "login.cookie.secure", "always",
                "login.csrf.key", Base64.getUrlEncoder().encodeToString(key)));
        var one = new Browser(provider.create(settings), RecordingFlow.knowing("s"));
        var response = one.get("s");
        var other = new Browser(DefaultLoginHandler.builder("A").csrfKey(key).build(), RecordingFlow.knowing("s"))
                .cookie(one.cookie()).token(one.token());

        assertThat(Browser.header(response, "Set-Cookie")).endsWith("; Secure");
        assertThat(other.post("s", "alice", "pw").status()).isEqualTo(302);
    }

    @Test
    void createWhenTheIssuerHasAPathThenTheCookieAndTheAssetsCarryIt() {
        var behindProxy = new Browser(provider.create(new ProviderSettings(Map.of("app.name", "A",
                "issuer", "https://example.com/tools"))), RecordingFlow.knowing("s")).get("s");
        var atRoot = new Browser(provider.create(new ProviderSettings(Map.of("app.name", "A",
                "issuer", "http://localhost:3000"))), RecordingFlow.knowing("s")).get("s");

        assertThat(Browser.header(behindProxy, "Set-Cookie")).contains("; Path=/tools/oauth/login;");
        assertThat(behindProxy.body()).contains("href=\"/tools/oauth/assets/login.css\"");
        assertThat(Browser.header(atRoot, "Set-Cookie")).contains("; Path=/oauth/login;");
        assertThat(atRoot.body()).contains("href=\"/oauth/assets/login.css\"");
    }

    @Test
    void moduleDescriptorAndServicesFileProvideTheSameClass() throws IOException {
        ModuleDescriptor descriptor = DefaultLoginHandlerProvider.class.getModule().getDescriptor();
        List<String> declared = descriptor.provides().stream()
                .filter(p -> p.service().equals(LoginHandlerProvider.class.getName()))
                .flatMap(p -> p.providers().stream()).toList();

        String file;
        try (InputStream in = DefaultLoginHandlerProvider.class.getResourceAsStream(
                "/META-INF/services/" + LoginHandlerProvider.class.getName())) {
            assertThat(in).as("the services file for classpath users").isNotNull();
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> listed = file.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertThat(declared).containsExactly(DefaultLoginHandlerProvider.class.getName());
        assertThat(listed).isEqualTo(declared);
    }
}
