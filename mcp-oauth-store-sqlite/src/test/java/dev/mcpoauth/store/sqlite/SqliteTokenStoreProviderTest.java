package dev.mcpoauth.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpoauth.TokenStore;
import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.ProviderFactory;
import dev.mcpoauth.spi.ProviderSettings;
import dev.mcpoauth.spi.TokenStoreProvider;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTokenStoreProviderTest {

    @TempDir
    Path dir;

    @Test
    void providerHasIdSqliteAndDefaultWeight() {
        SqliteTokenStoreProvider provider = new SqliteTokenStoreProvider();
        assertThat(provider.id()).isEqualTo("sqlite");
        assertThat(provider.weight()).isEqualTo(ProviderFactory.DEFAULT_WEIGHT);
    }

    @Test
    void moduleInfoAndServicesFileDeclareTheSameProvider() throws Exception {
        Module module = SqliteTokenStoreProvider.class.getModule();
        assertThat(module.isNamed()).as("tests run on the module path").isTrue();
        List<String> fromModuleInfo = module.getDescriptor().provides().stream()
                .filter(p -> p.service().equals(TokenStoreProvider.class.getName()))
                .flatMap(p -> p.providers().stream()).toList();
        String servicesFile;
        try (InputStream in = SqliteTokenStoreProvider.class
                .getResourceAsStream("/META-INF/services/" + TokenStoreProvider.class.getName())) {
            assertThat(in).as("META-INF/services file for class-path users").isNotNull();
            servicesFile = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> fromServicesFile = servicesFile.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(fromServicesFile).containsExactlyElementsOf(fromModuleInfo)
                .containsExactly(SqliteTokenStoreProvider.class.getName());
        assertThat(module.getDescriptor().provides()).extracting(ModuleDescriptor.Provides::service)
                .containsExactly(TokenStoreProvider.class.getName());
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        // The engine declares `uses`; this module does not, so grant it for the test.
        SqliteTokenStoreProviderTest.class.getModule().addUses(TokenStoreProvider.class);
        assertThat(ServiceLoader.load(TokenStoreProvider.class).stream().map(ServiceLoader.Provider::type).toList())
                .contains(SqliteTokenStoreProvider.class);
    }

    @Test
    void createWhenPathGivenThenOpensAWorkingStoreThere() {
        Path file = dir.resolve("sub/provided.db");
        try (TokenStore store = new SqliteTokenStoreProvider().create(new ProviderSettings(Map.of(
                "db.path", file.toString(), "db.busy.timeout.ms", "2500", "db.pool.size", "3",
                "db.synchronous", "NORMAL")))) {
            store.saveClient(dev.mcpoauth.testing.TestValues.publicClient("via-provider"));
            assertThat(store.findClient("via-provider")).isPresent();
        }
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void createWhenSettingsInvalidThenReportsEveryProblemAtOnce() {
        ProviderSettings bad = new ProviderSettings(Map.of("db.path", dir.resolve("x.db").toString(),
                "db.busy.timeout.ms", "soon", "db.pool.size", "0", "db.synchronous", "sometimes"));
        assertThatThrownBy(() -> new SqliteTokenStoreProvider().create(bad))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("db.busy.timeout.ms")
                .hasMessageContaining("db.pool.size")
                .hasMessageContaining("db.synchronous");
        assertThat(Files.exists(dir.resolve("x.db"))).as("nothing is created when settings are wrong").isFalse();
    }
}
