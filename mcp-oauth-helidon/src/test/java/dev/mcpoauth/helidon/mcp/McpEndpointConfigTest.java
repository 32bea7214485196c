package dev.mcpoauth.helidon.mcp;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class McpEndpointConfigTest {

    @Test
    void buildWhenSeveralSettingsAreInvalidThenReportsEveryProblemAtOnce() {
        assertThatIllegalArgumentException().isThrownBy(() -> McpEndpointConfig.builder()
                        .path("mcp/").maxBodyBytes(0).keepAliveInterval(Duration.ofSeconds(-1))
                        .sessionIdleTimeout(Duration.ofSeconds(-1)).build())
                .withMessageContaining("path").withMessageContaining("maxBodyBytes")
                .withMessageContaining("keepAliveInterval").withMessageContaining("sessionIdleTimeout");
    }

    @Test
    void toBuilderThenCopiesEverySetting() {
        McpEndpointConfig config = McpEndpointConfig.builder().path("/api/mcp").maxBodyBytes(10)
                .addAllowedOrigin("HTTPS://Example.com:443").allowLoopbackOrigins(false)
                .keepAliveInterval(Duration.ZERO).sessionIdleTimeout(Duration.ofMinutes(1)).stateless(true).build();

        McpEndpointConfig copy = config.toBuilder().build();

        assertThat(copy.toString()).isEqualTo(config.toString());
        assertThat(copy.allowedOrigins()).containsExactly("https://example.com");
        assertThat(copy.contextExtractor()).isSameAs(config.contextExtractor());
        assertThat(copy.jsonMapper()).isSameAs(config.jsonMapper());
    }
}
