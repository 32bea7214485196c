package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;

import dev.mcpoauth.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Single use under contention, through the engine: 32 threads, one code or one refresh token. */
class ConcurrencyTest {

    private static final int THREADS = 32;

    private final Fixture fixture = new Fixture();
    private final Fixture.Client client = fixture.registerPublic();

    /** The audit lines of replays and reuse, asserted where a test expects them instead of printed. */
    private final LogCapture audit = LogCapture.of("dev.mcpoauth.core");

    @AfterEach
    void close() {
        audit.close();
        fixture.close();
    }

    @RepeatedTest(3)
    void exchangeWhen32ThreadsRaceForOneCodeThenExactlyOneSucceedsAndItsGrantIsRevoked() throws Exception {
        Fixture.Authorized code = fixture.authorize(client);
        Queue<Map<String, Object>> successes = new ConcurrentLinkedQueue<>();
        Queue<OAuthErrorCode> failures = new ConcurrentLinkedQueue<>();

        Race.run(THREADS, () -> {
            try {
                successes.add(fixture.exchange(client, code));
            } catch (OAuthException e) {
                failures.add(e.code());
            }
        });

        assertThat(successes).hasSize(1);
        assertThat(failures).hasSize(THREADS - 1).containsOnly(OAuthErrorCode.INVALID_GRANT);
        assertThat(audit.warnings()).as("replays are audited").isNotEmpty();
        // The replays revoke what the one success got, whether they ran before or after its grant was saved.
        assertThat(fixture.bearer(successes.peek().get("access_token"))).isInstanceOf(BearerResult.Challenge.class);
    }

    @RepeatedTest(3)
    void refreshWhen32ThreadsRaceForOneTokenWithinTheGraceThenAllGetTheSameWorkingSuccessor() throws Exception {
        String refreshToken = (String) fixture.tokens(client).get("refresh_token");
        Queue<Map<String, Object>> successes = new ConcurrentLinkedQueue<>();
        Queue<OAuthErrorCode> failures = new ConcurrentLinkedQueue<>();

        Race.run(THREADS, () -> {
            try {
                successes.add(fixture.refresh(client, refreshToken));
            } catch (OAuthException e) {
                failures.add(e.code());
            }
        });

        assertThat(failures).as("concurrent refreshers of one token are not thieves").isEmpty();
        assertThat(audit.warnings()).as("and are not audited as such").isEmpty();
        assertThat(successes).hasSize(THREADS);
        assertThat(successes.stream().map(r -> r.get("refresh_token")).distinct().toList())
                .as("every caller converges on one successor").hasSize(1);
        assertThat(successes.stream().map(r -> r.get("access_token")).distinct().toList()).hasSize(THREADS);
        for (Map<String, Object> success : successes) {
            assertThat(fixture.bearer(success.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);
        }
        assertThat(fixture.refresh(client, (String) successes.peek().get("refresh_token")))
                .as("the successor still works").containsKey("refresh_token");
    }

    @RepeatedTest(3)
    void refreshWhen32ThreadsRaceForOneTokenAndNoGraceThenExactlyOneRotates() throws Exception {
        try (Fixture strict = new Fixture(ServerConfig.builder().refreshReuseGrace(Duration.ZERO).build())) {
            Fixture.Client strictClient = strict.registerPublic();
            String refreshToken = (String) strict.tokens(strictClient).get("refresh_token");
            Queue<Map<String, Object>> successes = new ConcurrentLinkedQueue<>();
            Queue<OAuthErrorCode> failures = new ConcurrentLinkedQueue<>();

            Race.run(THREADS, () -> {
                try {
                    successes.add(strict.refresh(strictClient, refreshToken));
                } catch (OAuthException e) {
                    failures.add(e.code());
                }
            });

            assertThat(successes).hasSize(1);
            assertThat(failures).hasSize(THREADS - 1).containsOnly(OAuthErrorCode.INVALID_GRANT);
            assertThat(audit.warnings()).as("without a grace, reuse is audited").isNotEmpty();
        }
    }
}
