package dev.mcpoauth.core;

import dev.mcpoauth.SigningKey;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeyTest {

    private final Fixture fixture = new Fixture(ServerConfig.builder().signingKeyRotation(Duration.ofDays(30)).build());
    private final Fixture.Client client = fixture.registerPublic();

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<SigningKey> keys() {
        return fixture.store.signingKeys(fixture.clock.instant());
    }

    private List<?> published() {
        return (List<?>) fixture.server.jwks().get("keys");
    }

    private AuthorizationServer another() {
        return AuthorizationServer.builder("test-app").store(fixture.store).clock(fixture.clock)
                .purgeInterval(Duration.ZERO).userChecker((u, p) -> Optional.empty()).build();
    }

    @Test
    void startWhenStoreHasNoKeyThenOneIsGeneratedAndStoredPrivate() {
        assertThat(keys()).singleElement().satisfies(key -> {
            assertThat(key.algorithm()).isEqualTo("ES256");
            assertThat(key.privateJwk()).contains("\"d\"");
            assertThat(key.signsUntil()).isEqualTo(fixture.clock.instant().plus(Duration.ofDays(30)));
            assertThat(key.expiresAt()).isAfter(key.signsUntil().plus(Duration.ofHours(1)));
            assertThat(key.toString()).doesNotContain(key.privateJwk());
        });
    }

    @Test
    void startWhenStoreHasAUsableKeyThenItIsReused() {
        try (AuthorizationServer second = another()) {
            assertThat(keys()).hasSize(1);
            assertThat(second.jwks()).isEqualTo(fixture.server.jwks());
        }
    }

    @Test
    void signWhenRotationPeriodPassedThenNewKeyAndOldTokensStillValidate() {
        fixture.clock.advance(Duration.ofDays(30).minusMinutes(10));
        Map<String, Object> old = fixture.tokens(client);
        assertThat(keys()).hasSize(1);
        fixture.clock.advance(Duration.ofMinutes(10));

        Map<String, Object> fresh = fixture.tokens(client);

        assertThat(keys()).hasSize(2);
        assertThat(published()).hasSize(2);
        assertThat(fixture.bearer(old.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);
        assertThat(fixture.bearer(fresh.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);
    }

    @Test
    void signNearTheEndOfAKeyThenTheTokenStillExpiresBeforeTheKey() {
        fixture.clock.advance(Duration.ofDays(30).minusMinutes(1));
        Map<String, Object> tokens = fixture.tokens(client);
        fixture.clock.advance(Duration.ofMinutes(59));

        assertThat(fixture.bearer(tokens.get("access_token"))).as("the key outlives every token it signed")
                .isInstanceOf(BearerResult.Authenticated.class);
    }

    @Test
    void oldKeyIsDroppedFromTheJwksOnceNoTokenItSignedCanBeValid() {
        fixture.clock.advance(Duration.ofDays(30));
        fixture.tokens(client);
        assertThat(published()).hasSize(2);

        fixture.clock.advance(Duration.ofHours(1).plusMinutes(5));

        assertThat(published()).hasSize(1);
        assertThat(fixture.server.purgeExpired()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void startWhenTwoEnginesRaceOnAnEmptyStoreThenEachAcceptsTheOthersTokens() throws Exception {
        try (Fixture shared = new Fixture()) {
            InMemoryTokenStore empty = new InMemoryTokenStore();
            List<AuthorizationServer> servers = new CopyOnWriteArrayList<>();
            Race.run(2, () -> servers.add(AuthorizationServer.builder("race").store(empty).clock(shared.clock)
                    .purgeInterval(Duration.ZERO)
                    .userChecker((u, p) -> Optional.of(Fixture.USER_ID)).build()));
            Fixture a = new Fixture(ServerConfig.defaults(), empty);
            Fixture.Client c = a.registerPublic();

            for (AuthorizationServer minter : servers) {
                String verifier = Fixture.newVerifier();
                String id = ((AuthorizeResult.LoginRequired) minter.authorize(a.authorizeParams(c, verifier)))
                        .loginRequestId();
                String code = Fixture.query(minter.loginFlow().complete(id, "u", "p")).get("code");
                Object token = minter.token(c.form("grant_type", "authorization_code", "code", code,
                        "code_verifier", verifier, "redirect_uri", Fixture.REDIRECT), Optional.empty()).get("access_token");
                for (AuthorizationServer checker : servers) {
                    assertThat(checker.authenticate(Optional.of("Bearer " + token)))
                            .isInstanceOf(BearerResult.Authenticated.class);
                }
            }
            servers.forEach(AuthorizationServer::close);
            a.server.close();
        }
    }
}
