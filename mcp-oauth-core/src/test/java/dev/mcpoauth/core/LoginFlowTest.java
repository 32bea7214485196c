package dev.mcpoauth.core;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.LoginException;
import dev.mcpoauth.LoginPrompt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoginFlowTest {

    private final Fixture fixture = new Fixture();
    private final Fixture.Client client = fixture.registerPublic();
    private final String verifier = Fixture.newVerifier();

    @AfterEach
    void close() {
        fixture.close();
    }

    private String pendingId(String... extra) {
        return ((AuthorizeResult.LoginRequired) fixture.server.authorize(
                fixture.authorizeParams(client, verifier, extra))).loginRequestId();
    }

    private static LoginException.Reason reasonOf(Runnable login) {
        return catchThrowableOfType(LoginException.class, login::run).reason();
    }

    @Test
    void promptDescribesTheRequestForTheLoginPage() {
        LoginPrompt prompt = fixture.server.loginFlow().prompt(pendingId()).orElseThrow();

        assertThat(prompt.appName()).isEqualTo("test-app");
        assertThat(prompt.clientId()).isEqualTo(client.id());
        assertThat(prompt.clientName()).contains("Test Client");
        assertThat(prompt.redirectHost()).isEqualTo("127.0.0.1");
        assertThat(prompt.localRedirect()).isTrue();
        assertThat(prompt.scopes()).containsExactly("mcp");
    }

    @Test
    void promptWhenUnknownOrBlankThenEmpty() {
        assertThat(fixture.server.loginFlow().prompt("unknown")).isEmpty();
        assertThat(fixture.server.loginFlow().prompt("")).isEmpty();
    }

    @Test
    void completeWhenCredentialsRightThenRedirectsWithCodeStateAndIssuer() {
        String id = pendingId("scope", "mcp");

        URI redirect = fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD);

        assertThat(redirect.toString()).startsWith(Fixture.REDIRECT + "?code=");
        Map<String, String> params = Fixture.query(redirect);
        assertThat(params).containsEntry("state", "client-state-1").containsEntry("iss", "http://localhost:3000");
        String code = params.get("code");
        assertThat(code).hasSizeGreaterThanOrEqualTo(43);
        AuthorizationCode stored = ((CodeRedemption.Redeemed) fixture.store.redeemAuthorizationCode(
                Secrets.hash(code), fixture.clock.instant())).code();
        assertThat(stored.clientId()).isEqualTo(client.id());
        assertThat(stored.userId()).isEqualTo(Fixture.USER_ID);
        assertThat(stored.redirectUri()).isEqualTo(Fixture.REDIRECT);
        assertThat(stored.codeChallenge()).isEqualTo(Fixture.challenge(verifier));
        assertThat(stored.scopes()).containsExactly("mcp");
        assertThat(stored.resource()).isEqualTo("http://localhost:3000/mcp");
        assertThat(stored.expiresAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void completeWhenClientSentNoStateThenRedirectHasNone() {
        Map<String, String> params = fixture.authorizeParams(client, verifier);
        params.remove("state");
        String id = ((AuthorizeResult.LoginRequired) fixture.server.authorize(params)).loginRequestId();

        URI redirect = fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD);

        assertThat(Fixture.query(redirect)).doesNotContainKey("state").containsKeys("code", "iss");
    }

    @Test
    void completeWhenPasswordWrongOrUserUnknownThenSameGenericMessage() {
        String id = pendingId();

        LoginException wrongPassword = catchThrowableOfType(LoginException.class,
                () -> fixture.server.loginFlow().complete(id, Fixture.USER, "nope"));
        LoginException unknownUser = catchThrowableOfType(LoginException.class,
                () -> fixture.server.loginFlow().complete(id, "mallory", "nope"));

        assertThat(wrongPassword.reason()).isEqualTo(LoginException.Reason.INVALID_CREDENTIALS);
        assertThat(unknownUser.reason()).isEqualTo(LoginException.Reason.INVALID_CREDENTIALS);
        assertThat(wrongPassword.getMessage()).isEqualTo(unknownUser.getMessage());
        assertThat(fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD))
                .as("a failed attempt leaves the request pending").isNotNull();
    }

    @Test
    void completeWhenUnknownExpiredOrUsedThenUnknownRequest() {
        String id = pendingId();
        fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD);
        String expiring = pendingId();
        fixture.clock.advance(Duration.ofMinutes(10));

        assertThat(reasonOf(() -> fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD)))
                .isEqualTo(LoginException.Reason.UNKNOWN_REQUEST);
        assertThat(reasonOf(() -> fixture.server.loginFlow().complete(expiring, Fixture.USER, Fixture.PASSWORD)))
                .isEqualTo(LoginException.Reason.UNKNOWN_REQUEST);
        assertThat(reasonOf(() -> fixture.server.loginFlow().complete("made-up", Fixture.USER, Fixture.PASSWORD)))
                .isEqualTo(LoginException.Reason.UNKNOWN_REQUEST);
    }

    @Test
    void completeWhenUserCheckerThrowsThenRefusedWithoutLeakingTheCause() {
        try (Fixture broken = new Fixture(ServerConfig.defaults())) {
            AuthorizationServer server = AuthorizationServer.builder("x").store(broken.store).clock(broken.clock)
                    .purgeInterval(Duration.ZERO)
                    .userChecker((u, p) -> {
                        throw new IllegalStateException("database password is hunter2");
                    }).build();
            Fixture.Client c = broken.registerPublic();
            String id = ((AuthorizeResult.LoginRequired) server.authorize(
                    broken.authorizeParams(c, verifier))).loginRequestId();

            LoginException e = catchThrowableOfType(LoginException.class,
                    () -> server.loginFlow().complete(id, "a", "b"));

            assertThat(e.reason()).isEqualTo(LoginException.Reason.INVALID_CREDENTIALS);
            assertThat(e.getMessage()).doesNotContain("hunter2");
            server.close();
        }
    }

    @Test
    void completeWhenUserCheckerReturnsNullThenRefused() {
        try (Fixture f = new Fixture()) {
            AuthorizationServer server = AuthorizationServer.builder("x").store(f.store).clock(f.clock)
                    .purgeInterval(Duration.ZERO).userChecker((u, p) -> null).build();
            Fixture.Client c = f.registerPublic();
            String id = ((AuthorizeResult.LoginRequired) server.authorize(f.authorizeParams(c, verifier)))
                    .loginRequestId();

            assertThat(reasonOf(() -> server.loginFlow().complete(id, "a", "b")))
                    .isEqualTo(LoginException.Reason.INVALID_CREDENTIALS);
            server.close();
        }
    }

    @Test
    void completeWhenTooManyFailuresForAUsernameThenThrottledUntilTheWindowEnds() {
        String id = pendingId();
        for (int i = 0; i < 10; i++) {
            reasonOf(() -> fixture.server.loginFlow().complete(id, Fixture.USER, "guess"));
        }

        assertThat(reasonOf(() -> fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD)))
                .as("even the right password is refused while throttled").isEqualTo(LoginException.Reason.THROTTLED);
        assertThat(reasonOf(() -> fixture.server.loginFlow().complete(id, "ALICE", Fixture.PASSWORD)))
                .isEqualTo(LoginException.Reason.THROTTLED);
        fixture.clock.advance(Duration.ofMinutes(9)); // the pending request itself lives 10 minutes
        String fresh = pendingId();
        fixture.clock.advance(Duration.ofMinutes(6));
        assertThat(fixture.server.loginFlow().complete(fresh, Fixture.USER, Fixture.PASSWORD)).isNotNull();
    }

    @Test
    void completeWhenSeveralRaceThenExactlyOneGetsACode() throws Exception {
        String id = pendingId();
        AtomicInteger codes = new AtomicInteger();
        AtomicInteger unknown = new AtomicInteger();

        Race.run(16, () -> {
            try {
                fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD);
                codes.incrementAndGet();
            } catch (LoginException e) {
                if (e.reason() == LoginException.Reason.UNKNOWN_REQUEST) {
                    unknown.incrementAndGet();
                }
            }
        });

        assertThat(codes.get()).isEqualTo(1);
        assertThat(unknown.get()).isEqualTo(15);
    }

    @Test
    void promptWhenClientDeletedThenEmpty() {
        String id = pendingId();
        fixture.store.deleteClient(client.id());

        assertThat(fixture.server.loginFlow().prompt(id)).isEqualTo(Optional.empty());
    }

    @Test
    void completeWhenThrottledThenTheFailureSaysHowLongToWait() {
        String id = pendingId();
        for (int i = 0; i < 6; i++) {
            reasonOf(() -> fixture.server.loginFlow().complete(id, Fixture.USER, "guess"));
        }

        LoginException e = catchThrowableOfType(LoginException.class,
                () -> fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD));

        assertThat(e.reason()).isEqualTo(LoginException.Reason.THROTTLED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(e.getMessage()).contains("Wait 1 second");
    }

    @Test
    void completeWhenOneAddressGuessesManyUsernamesThenTheAddressIsLockedForAll() {
        String id = pendingId();
        for (int i = 0; i < 20; i++) {
            String user = "user" + i;
            reasonOf(() -> fixture.server.loginFlow().complete(id, user, "guess", "203.0.113.7"));
        }

        assertThat(reasonOf(() -> fixture.server.loginFlow().complete(id, "fresh", "guess", "203.0.113.7")))
                .isEqualTo(LoginException.Reason.INVALID_CREDENTIALS);
        assertThat(reasonOf(() -> fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD, "203.0.113.7")))
                .as("the 21st failure locked the address, even for the right password").isEqualTo(LoginException.Reason.THROTTLED);
        assertThat(fixture.server.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD, "198.51.100.1"))
                .as("another address is not locked").isNotNull();
    }

    @Test
    void completeWhenUserCheckerThrowsThenSameMessageAsAWrongPasswordAndCounted() {
        try (Fixture f = new Fixture()) {
            AuthorizationServer server = AuthorizationServer.builder("x").store(f.store).clock(f.clock)
                    .purgeInterval(Duration.ZERO)
                    .userChecker((u, p) -> {
                        if (!u.equals(Fixture.USER)) {
                            throw new IllegalStateException("no such user " + u);
                        }
                        return Optional.empty();
                    }).build();
            Fixture.Client c = f.registerPublic();
            String id = ((AuthorizeResult.LoginRequired) server.authorize(f.authorizeParams(c, "v".repeat(43))))
                    .loginRequestId();

            LoginException unknown = catchThrowableOfType(LoginException.class,
                    () -> server.loginFlow().complete(id, "mallory", "x"));
            LoginException known = catchThrowableOfType(LoginException.class,
                    () -> server.loginFlow().complete(id, Fixture.USER, "x"));
            for (int i = 0; i < 5; i++) {
                reasonOf(() -> server.loginFlow().complete(id, "mallory", "x"));
            }

            assertThat(unknown.getMessage()).isEqualTo(known.getMessage());
            assertThat(reasonOf(() -> server.loginFlow().complete(id, "mallory", "x")))
                    .as("a throwing checker counts as a failure like any other").isEqualTo(LoginException.Reason.THROTTLED);
            server.close();
        }
    }
}
