package dev.mcpoauth.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizationServerBuilderTest {

    @Test
    void buildWithoutUserCheckerFailsSayingWhatToPass() {
        assertThatThrownBy(() -> AuthorizationServer.builder("app").store(new InMemoryTokenStore()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("userChecker(");
    }

    @Test
    void buildWithoutStoreOrWithBlankNameFails() {
        assertThatThrownBy(() -> AuthorizationServer.builder("app").userChecker((u, p) -> Optional.empty()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TokenStore");
        assertThatThrownBy(() -> AuthorizationServer.builder(" ").store(new InMemoryTokenStore())
                .userChecker((u, p) -> Optional.empty()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
    }

    @Test
    void closeIsIdempotentAndLeavesTheStoreOpen() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        AuthorizationServer server = AuthorizationServer.builder("app").store(store)
                .userChecker((u, p) -> Optional.empty()).purgeInterval(Duration.ofMinutes(1)).build();

        server.close();
        server.close();

        assertThat(store.signingKeys(java.time.Instant.now())).hasSize(1);
        store.close();
    }

    @Test
    void purgeExpiredRemovesWhatTheClockHasExpired() {
        try (Fixture fixture = new Fixture()) {
            Fixture.Client client = fixture.registerPublic();
            fixture.authorize(client);
            fixture.server.authorize(fixture.authorizeParams(client, Fixture.newVerifier()));
            fixture.clock.advance(Duration.ofMinutes(11));

            assertThat(fixture.server.purgeExpired()).as("one used code and one pending request").isEqualTo(2);
            assertThat(fixture.server.purgeExpired()).isZero();
        }
    }
}
