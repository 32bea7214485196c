package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cap on registered clients, eviction of never-used ones, and the lifetime of unused registrations. */
class ClientCapTest {

    @Test
    void registerAtTheCapThenEvictsTheOldestNeverUsedClient() {
        try (Fixture f = new Fixture(ServerConfig.builder().maxClients(3).build())) {
            Fixture.Client oldest = f.registerPublic();
            f.clock.advance(Duration.ofSeconds(1));
            Fixture.Client used = f.registerPublic();
            f.tokens(used);
            f.clock.advance(Duration.ofSeconds(1));
            Fixture.Client recent = f.registerPublic();
            f.clock.advance(Duration.ofSeconds(1));

            Fixture.Client newcomer = f.registerPublic();

            assertThat(f.store.findClient(oldest.id())).as("the oldest never-used client goes first").isEmpty();
            assertThat(f.store.findClient(used.id())).as("a client that completed a flow stays").isPresent();
            assertThat(f.store.findClient(recent.id())).isPresent();
            assertThat(f.store.findClient(newcomer.id())).isPresent();
            assertThat(f.store.countClients()).isEqualTo(3);
        }
    }

    @Test
    void registerAtTheCapWhenEveryClientWasUsedThenTemporarilyUnavailable() {
        try (Fixture f = new Fixture(ServerConfig.builder().maxClients(2).build())) {
            f.tokens(f.registerPublic());
            f.tokens(f.registerPublic());

            assertThat(Fixture.errorOf(f::registerPublic)).isEqualTo(OAuthErrorCode.TEMPORARILY_UNAVAILABLE);
            assertThat(f.store.countClients()).isEqualTo(2);
        }
    }

    @Test
    void purgeWhenAnUnusedRegistrationOutlivedItsLifetimeThenDeletesItButKeepsUsedAndYoungOnes() {
        try (Fixture f = new Fixture(ServerConfig.builder().unusedClientLifetime(Duration.ofHours(1)).build())) {
            Fixture.Client stale = f.registerPublic();
            Fixture.Client used = f.registerPublic();
            f.tokens(used);
            f.clock.advance(Duration.ofMinutes(61));
            Fixture.Client young = f.registerPublic();

            f.server.purgeExpired();

            assertThat(f.store.findClient(stale.id())).isEmpty();
            assertThat(f.store.findClient(used.id())).isPresent();
            assertThat(f.store.findClient(young.id())).isPresent();
            assertThat(Fixture.errorOf(() -> f.server.authorize(f.authorizeParams(stale, Fixture.newVerifier()))))
                    .as("a deleted registration is refused, so the client registers again")
                    .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        }
    }

    @Test
    void registerWhenARedirectHostIsNotAllowedThenInvalidRedirectUri() {
        try (Fixture f = new Fixture(ServerConfig.builder().allowedRedirectHosts("claude.ai", "localhost").build())) {
            assertThat(Fixture.errorOf(() -> f.register("none", "https://evil.example/cb")))
                    .isEqualTo(OAuthErrorCode.INVALID_REDIRECT_URI);
            assertThat(Fixture.errorOf(() -> f.server.register(Map.of("redirect_uris",
                    List.of("https://claude.ai/cb", "https://claude.ai.evil.example/cb")))))
                    .as("one disallowed URI refuses the whole registration").isEqualTo(OAuthErrorCode.INVALID_REDIRECT_URI);
            assertThat(f.register("none", "https://claude.ai/api/mcp/auth_callback").id()).isNotBlank();
            assertThat(f.registerPublic().id()).as("loopback allowed through 'localhost'").isNotBlank();
        }
    }
}
