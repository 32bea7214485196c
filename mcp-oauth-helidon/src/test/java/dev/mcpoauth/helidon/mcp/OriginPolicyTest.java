package dev.mcpoauth.helidon.mcp;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OriginPolicyTest {

    private final OriginPolicy loopbackOnly = new OriginPolicy(Set.of(), true);

    @Test
    void requestWithoutOriginThenIsAllowedBecauseOnlyBrowsersSendOne() {
        assertThat(loopbackOnly.allows(Optional.empty(), 3000)).isTrue();
    }

    @Test
    void loopbackOriginThenIsAllowedOnlyOnTheServersOwnPort() {
        assertThat(loopbackOnly.allows(Optional.of("http://[::1]:3000"), 3000)).isTrue();
        assertThat(loopbackOnly.allows(Optional.of("HTTP://LOCALHOST:3000/"), 3000)).isTrue();
        assertThat(loopbackOnly.allows(Optional.of("http://localhost"), 80)).as("default port").isTrue();
        assertThat(loopbackOnly.allows(Optional.of("http://localhost:3001"), 3000)).isFalse();
        assertThat(loopbackOnly.allows(Optional.of("http://localhost.evil.example:3000"), 3000)).isFalse();
        assertThat(loopbackOnly.allows(Optional.of("http://user@localhost:3000"), 3000)).isFalse();
        assertThat(loopbackOnly.allows(Optional.of("file://localhost:3000"), 3000)).isFalse();
    }

    @Test
    void loopbackDisabledThenOnlyConfiguredOriginsPass() {
        OriginPolicy strict = new OriginPolicy(Set.of("https://app.example.com"), false);

        assertThat(strict.allows(Optional.of("http://localhost:3000"), 3000)).isFalse();
        assertThat(strict.allows(Optional.of("https://app.example.com:443"), 3000)).isTrue();
    }
}
