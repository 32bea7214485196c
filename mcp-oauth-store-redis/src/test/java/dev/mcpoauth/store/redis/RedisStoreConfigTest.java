package dev.mcpoauth.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpoauth.spi.ProviderSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing and checking of the Redis store's settings; no server involved. */
class RedisStoreConfigTest {

    @Test
    void defaultsPointAtALocalRedis() {
        RedisStoreConfig config = RedisStoreConfig.builder().build();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(6379);
        assertThat(config.tls()).isFalse();
        assertThat(config.database()).isZero();
        assertThat(config.user()).isEmpty();
        assertThat(config.password()).isEmpty();
        assertThat(config.keyPrefix()).isEqualTo("mcpoauth:");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.poolSize()).isEqualTo(16);
        assertThat(config.expiryGrace()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void redissUriGivesTlsHostPortUserPasswordAndDatabase() {
        RedisStoreConfig config = RedisStoreConfig.builder().uri("rediss://alice:s%40cret@redis.example.test:6380/3").build();
        assertThat(config.tls()).isTrue();
        assertThat(config.host()).isEqualTo("redis.example.test");
        assertThat(config.port()).isEqualTo(6380);
        assertThat(config.user()).contains("alice");
        assertThat(config.password()).as("percent-encoded characters are decoded").contains("s@cret");
        assertThat(config.database()).isEqualTo(3);
    }

    @Test
    void uriWithPasswordOnlyHasNoUser() {
        RedisStoreConfig config = RedisStoreConfig.builder().uri("redis://:only-password@cache.test").build();
        assertThat(config.user()).isEmpty();
        assertThat(config.password()).contains("only-password");
        assertThat(config.port()).isEqualTo(6379);
    }

    @Test
    void settingsParseEveryKeyAndOverrideTheUrisParts() {
        RedisStoreConfig config = RedisStoreConfig.fromSettings(new ProviderSettings(Map.of(
                "redis.uri", "redis://uri-user:uri-pass@10.0.0.5:7000/1", "redis.user", "bob",
                "redis.password", "pw", "redis.database", "4", "redis.key-prefix", "app1:",
                "redis.timeout", "250", "redis.pool-size", "32", "redis.expiry-grace", "PT5M"))).build();
        assertThat(config.host()).isEqualTo("10.0.0.5");
        assertThat(config.port()).isEqualTo(7000);
        assertThat(config.user()).contains("bob");
        assertThat(config.password()).contains("pw");
        assertThat(config.database()).isEqualTo(4);
        assertThat(config.keyPrefix()).isEqualTo("app1:");
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.poolSize()).isEqualTo(32);
        assertThat(config.expiryGrace()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void buildReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> RedisStoreConfig.fromSettings(new ProviderSettings(Map.of(
                "redis.uri", "http://somewhere:1/x", "redis.pool-size", "0", "redis.timeout", "soon",
                "redis.key-prefix", "", "redis.database", "two"))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("redis.uri must start with redis://", "redis.pool-size must be at least 1",
                        "redis.timeout must be milliseconds", "redis.key-prefix must not be empty",
                        "redis.database must be a whole number");
    }

    @Test
    void userWithoutPasswordIsRefused() {
        assertThatThrownBy(() -> RedisStoreConfig.builder().user("alice").build())
                .hasMessageContaining("redis.user needs redis.password");
    }

    @Test
    void badUriMessageNeverShowsThePassword() {
        assertThatThrownBy(() -> RedisStoreConfig.builder().uri("redis://alice:hunter2@bad host:1").build())
                .hasMessageContaining("redis.uri is not a valid URI").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> RedisStoreConfig.builder().uri("redis://alice:hunter2@host/db-x").build())
                .hasMessageContaining("database number").hasMessageNotContaining("hunter2");
    }

    @Test
    void toStringHidesThePassword() {
        RedisStoreConfig config = RedisStoreConfig.builder().uri("redis://alice:hunter2@host:1/2").build();
        assertThat(config.toString()).contains("redis://host:1/2", "alice", "****").doesNotContain("hunter2");
    }

    @Test
    void toBuilderCopiesEverySetting() {
        RedisStoreConfig config = RedisStoreConfig.builder().uri("rediss://h:9/5").password("p").keyPrefix("x:")
                .timeout(Duration.ofSeconds(3)).poolSize(2).expiryGrace(Duration.ZERO).build();
        RedisStoreConfig copy = config.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(config.toString());
        assertThat(copy.password()).isEqualTo(Optional.of("p"));
        assertThat(config.toBuilder().poolSize(7).build().poolSize()).isEqualTo(7);
    }
}
