package dev.mcpoauth.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottling(3, 5, Duration.ofSeconds(1),
            Duration.ofSeconds(10), Duration.ofMinutes(15)));

    @Test
    void failuresBeyondTheFreeOnesLockTheUsernameForADelayThatDoublesUpToTheMaximum() {
        Instant now = T0;
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("alice", "", now);
        }
        assertThat(throttle.waitFor("alice", "", now)).as("three free failures").isEmpty();

        Duration[] expected = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(10)};
        for (Duration delay : expected) {
            throttle.recordFailure("alice", "", now);
            assertThat(throttle.waitFor("alice", "", now)).contains(delay);
            now = now.plus(delay);
            assertThat(throttle.waitFor("alice", "", now)).as("the lock ends after its delay").isEmpty();
        }
    }

    @Test
    void usernamesAreCountedCaseInsensitivelyAndWithoutSurroundingSpace() {
        for (String name : new String[] {"Alice", " alice", "ALICE ", "alice"}) {
            throttle.recordFailure(name, "", T0);
        }
        assertThat(throttle.waitFor("aLiCe", "", T0)).isPresent();
        assertThat(throttle.waitFor("bob", "", T0)).isEmpty();
    }

    @Test
    void failuresFromOneAddressLockItForEveryUsername() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("user" + i, "203.0.113.7", T0);
        }
        assertThat(throttle.waitFor("someone-new", "203.0.113.7", T0)).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("someone-new", "198.51.100.1", T0)).as("other addresses are not locked").isEmpty();
    }

    @Test
    void successForgetsTheUsernameButNotTheAddress() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("mallory", "203.0.113.7", T0);
        }
        throttle.recordSuccess("mallory");
        assertThat(throttle.waitFor("mallory", "198.51.100.1", T0)).isEmpty();
        assertThat(throttle.waitFor("mallory", "203.0.113.7", T0))
                .as("one known account must not reset the counter of the address that guesses").isPresent();
    }

    @Test
    void failuresAreForgottenAfterTheQuietPeriodAndPurged() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("alice", "", T0);
        }
        Instant later = T0.plus(Duration.ofMinutes(15));
        throttle.purge(later);
        throttle.recordFailure("alice", "", later);
        assertThat(throttle.waitFor("alice", "", later)).as("counting starts afresh").isEmpty();
    }

    @Test
    void offNeverLocks() {
        LoginThrottle off = new LoginThrottle(LoginThrottling.off());
        for (int i = 0; i < 1000; i++) {
            off.recordFailure("alice", "203.0.113.7", T0);
        }
        assertThat(off.waitFor("alice", "203.0.113.7", T0)).isEmpty();
    }

    @Test
    void ipv6AddressesAreCountedPerSlash64() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("user" + i, "2001:db8:1:2:0:0:0:" + Integer.toHexString(i + 1), T0);
        }
        assertThat(throttle.waitFor("other", "2001:db8:1:2:ffff:0:0:1", T0)).as("same /64").isPresent();
        assertThat(throttle.waitFor("other", "2001:db8:1:3:0:0:0:1", T0)).as("another /64").isEmpty();
    }
}
