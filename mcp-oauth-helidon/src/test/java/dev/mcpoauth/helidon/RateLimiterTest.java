package dev.mcpoauth.helidon;

import dev.mcpoauth.spi.ProviderSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token buckets behind the rate limits, their keys, and how the limits are configured. */
class RateLimiterTest {

    @Test
    void aBucketAllowsItsBurstThenSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter(new RateLimit(3, Duration.ofHours(1)));

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("203.0.113.7")).isEmpty();
        }

        assertThat(limiter.acquire("203.0.113.7")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20)));
        assertThat(limiter.acquire("203.0.113.8")).as("another address has its own bucket").isEmpty();
    }

    @Test
    void ipv6AddressesShareTheBucketOfTheirSlash64() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1, Duration.ofHours(1)));

        assertThat(limiter.acquire("2001:db8:0:1:0:0:0:1")).isEmpty();
        assertThat(limiter.acquire("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).isPresent();
        assertThat(limiter.acquire("2001:db8:0:2:0:0:0:1")).isEmpty();
        assertThat(RateLimiter.key("2001:db8:0:1:0:0:0:1%eth0")).isEqualTo("2001:db8:0:1::/64");
        assertThat(RateLimiter.key("10.1.2.3")).isEqualTo("10.1.2.3");
    }

    @Test
    void offNeverLimits() {
        RateLimiter limiter = new RateLimiter(RateLimit.off());
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire("203.0.113.7")).isEmpty();
        }
    }

    @Test
    void rateLimitsParseFromSettingsAndRefuseNonsense() {
        TransportSettings s = SettingKeys.read(new ProviderSettings(Map.of("rate.limit.register", "5/PT10M",
                "rate.limit.token", "100/60", "rate.limit.login", "off")));

        assertThat(s.registerRateLimit()).isEqualTo(new RateLimit(5, Duration.ofMinutes(10)));
        assertThat(s.tokenRateLimit()).isEqualTo(new RateLimit(100, Duration.ofSeconds(60)));
        assertThat(s.loginRateLimit().isOff()).isTrue();
        assertThat(TransportSettings.defaults().registerRateLimit()).isEqualTo(new RateLimit(20, Duration.ofMinutes(10)));
        assertThatThrownBy(() -> SettingKeys.read(new ProviderSettings(Map.of("rate.limit.token", "lots",
                "rate.limit.login", "-1/60")))).hasMessageContaining("rate.limit.token").hasMessageContaining("rate.limit.login");
        assertThatThrownBy(() -> new RateLimit(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
