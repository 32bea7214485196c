package dev.mcpoauth.examples;

import dev.mcpoauth.core.ServerConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExampleOptionsTest {

    @Test
    void parseWhenNothingGivenThenOriginalDefaults() {
        ServerConfig config = ExampleOptions.parse(new String[0], Map.of()).applyTo(ServerConfig.builder()).build();
        assertThat(config.host()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.dbPath()).isEqualTo(Path.of("auth.db"));
        assertThat(config.resource()).isEqualTo("http://localhost:3000/mcp");
    }

    @Test
    void parseWhenEnvironmentAndCommandLineThenCommandLineWins() {
        ExampleOptions options = ExampleOptions.parse(new String[]{"--port", "8081", "--public-url=https://mcp.example.com"},
                Map.of("PORT", "9000", "HOST", "0.0.0.0", "USERS_FILE", "/etc/users.txt", "MCPOAUTH_STORE", "redis"));
        ServerConfig config = options.applyTo(ServerConfig.builder()).build();
        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.issuer()).isEqualTo("https://mcp.example.com");
        assertThat(options.usersFile()).isEqualTo(Path.of("/etc/users.txt"));
        assertThat(options.store()).contains("redis");
    }

    @Test
    void parseWhenUnknownOptionThenUsageNamesIt() {
        assertThatThrownBy(() -> ExampleOptions.parse(new String[]{"--prot", "1"}, Map.of()))
                .hasMessageContaining("unknown option --prot").hasMessageContaining("--port PORT");
    }

    @Test
    void parseWhenOptionLacksValueThenSaysSo() {
        assertThatThrownBy(() -> ExampleOptions.parse(new String[]{"--port"}, Map.of()))
                .hasMessageContaining("--port needs a value");
    }

    @Test
    void applyWhenPortIsNotANumberThenClearError() {
        ExampleOptions options = ExampleOptions.parse(new String[]{"--port=http"}, Map.of());
        assertThatThrownBy(() -> options.applyTo(ServerConfig.builder())).hasMessageContaining("port must be a number");
    }
}
