package dev.mcpoauth.store.redis;

import dev.mcpoauth.testing.RedisServerExtension;

import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpoauth.StorageException;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.ProviderFactory;
import dev.mcpoauth.spi.ProviderSettings;
import dev.mcpoauth.spi.TokenStoreProvider;
import dev.mcpoauth.testing.TestValues;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider: its id and weight, its two registrations, and the store it creates from settings. */
class RedisTokenStoreProviderTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void providerIsRedisAtTheDefaultWeight() {
        RedisTokenStoreProvider provider = new RedisTokenStoreProvider();
        assertThat(provider.id()).isEqualTo("redis");
        assertThat(provider.weight()).as("below the default, so that SQLite stays the embedded default")
                .isLessThan(ProviderFactory.DEFAULT_WEIGHT);
    }

    @Test
    void moduleInfoAndMetaInfServicesDeclareTheSameProvider() throws IOException {
        ModuleDescriptor descriptor = RedisTokenStoreProvider.class.getModule().getDescriptor();
        assertThat(descriptor).as("the tests run on the module path").isNotNull();
        List<String> fromModuleInfo = descriptor.provides().stream()
                .filter(p -> p.service().equals(TokenStoreProvider.class.getName()))
                .flatMap(p -> p.providers().stream()).toList();
        List<String> fromServicesFile;
        try (InputStream in = RedisTokenStoreProvider.class.getClassLoader()
                .getResourceAsStream("META-INF/services/" + TokenStoreProvider.class.getName())) {
            assertThat(in).as("class-path users find the provider through META-INF/services").isNotNull();
            fromServicesFile = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        assertThat(fromModuleInfo).containsExactly(RedisTokenStoreProvider.class.getName());
        assertThat(fromServicesFile).isEqualTo(fromModuleInfo);
    }

    @Test
    void createFromSettingsGivesAWorkingStore() {
        ProviderSettings settings = new ProviderSettings(Map.of("redis.uri", "redis://127.0.0.1:" + REDIS.port(),
                "redis.key-prefix", "provider:", "redis.timeout", "1000"));
        try (TokenStore store = new RedisTokenStoreProvider().create(settings)) {
            store.saveClient(TestValues.publicClient("from-provider"));
            assertThat(store.findClient("from-provider")).isPresent();
            assertThat(store.signingKeys(NOW)).isEmpty();
        }
    }

    @Test
    void createWithWrongSettingsNamesEveryOneOfThem() {
        ProviderSettings settings = new ProviderSettings(Map.of("redis.pool-size", "-1", "redis.timeout", "0",
                "redis.uri", "mysql://db:3306"));
        assertThatThrownBy(() -> new RedisTokenStoreProvider().create(settings))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContainingAll("redis.pool-size", "redis.timeout", "redis.uri");
    }

    @Test
    void createWhenNoServerListensThenStorageException() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        ProviderSettings settings = new ProviderSettings(Map.of("redis.uri", "redis://127.0.0.1:" + closedPort,
                "redis.timeout", "500"));
        assertThatThrownBy(() -> new RedisTokenStoreProvider().create(settings))
                .isInstanceOf(StorageException.class).hasMessageContaining("unreachable");
    }

    @Test
    void redissUriSpeaksTlsSoAPlainServerIsRefused() {
        ProviderSettings settings = new ProviderSettings(Map.of("redis.uri", "rediss://127.0.0.1:" + REDIS.port(),
                "redis.timeout", "500"));
        assertThatThrownBy(() -> new RedisTokenStoreProvider().create(settings))
                .as("with TLS the handshake fails against the plain-text test server; without it, it would connect")
                .isInstanceOf(StorageException.class);
    }

    @Test
    void wrongPasswordIsAStorageExceptionWithoutThePassword() {
        ProviderSettings settings = new ProviderSettings(Map.of("redis.uri", "redis://127.0.0.1:" + REDIS.port(),
                "redis.user", "nobody", "redis.password", "hunter2-secret", "redis.timeout", "500"));
        assertThatThrownBy(() -> new RedisTokenStoreProvider().create(settings))
                .isInstanceOf(StorageException.class).hasMessageNotContaining("hunter2-secret");
    }
}
