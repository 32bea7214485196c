package dev.mcpoauth.helidon;

import dev.mcpoauth.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 requests released at once against one single-use secret, over real HTTP connections: exactly
 * one wins, every other one gets the exact refusal, and what the winner got is revoked as soon as a
 * loser is recognised as a replay.
 */
class RaceAttackTest {

    static final int RACERS = 200;

    @RegisterExtension
    static final SharedServer server = SharedServer.create();

    /** The audit lines of replays and reuse, asserted where a test expects them instead of printed. */
    private final LogCapture audit = LogCapture.of("dev.mcpoauth.core");

    @AfterEach
    void releaseLog() {
        audit.close();
    }

    /** Sends {@code request} from {@value #RACERS} virtual threads released by one latch. */
    static List<HttpResponse<String>> race(Supplier<HttpResponse<String>> request) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return request.get();
                }));
            }
            gate.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                // A guard against a hang, not a timing assertion.
                responses.add(f.get(2, TimeUnit.MINUTES));
            }
            return responses;
        }
    }

    private static long count(List<HttpResponse<String>> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    @Test
    void twoHundredConcurrentRedemptionsOfOneCodeThenExactlyOneTokenAndItIsRevoked() throws Exception {
        String clientId = (String) server.oauth.register("none", null).get("client_id");
        Pkce pkce = Pkce.create();
        Map<String, String> form = Map.of("grant_type", "authorization_code", "code", server.oauth.code(clientId, pkce, null),
                "redirect_uri", OAuthClient.REDIRECT, "code_verifier", pkce.verifier(), "client_id", clientId);

        List<HttpResponse<String>> responses = race(() -> server.oauth.token(form));

        assertThat(count(responses, 200)).as("exactly one redemption wins").isEqualTo(1);
        assertThat(audit.warnings()).as("replays are audited").isNotEmpty();
        assertThat(count(responses, 400)).isEqualTo(RACERS - 1);
        responses.stream().filter(r -> r.statusCode() == 400)
                .forEach(r -> assertThat(Http.json(r)).containsEntry("error", "invalid_grant"));
        String winner = (String) Http.json(responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow())
                .get("access_token");
        Attacks.assertTokenRefused(server.base, winner);
    }

    @Test
    void twoHundredConcurrentRefreshesOfOneTokenWithinTheGraceThenAllAnsweredWithOneSuccessor() throws Exception {
        Map<String, Object> tokens = server.oauth.publicTokens();
        Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token",
                (String) tokens.get("refresh_token"), "client_id", (String) tokens.get("client_id"));

        List<HttpResponse<String>> responses = race(() -> server.oauth.token(form));

        assertThat(count(responses, 200)).as("concurrent refreshers of one token are not thieves").isEqualTo(RACERS);
        assertThat(audit.warnings()).as("nor audited as such").isEmpty();
        List<Object> successors = responses.stream().map(r -> Http.json(r).get("refresh_token")).distinct().toList();
        assertThat(successors).as("exactly one rotation wins, and every caller converges on it").hasSize(1);
        Attacks.assertTokenAccepted(server.base, (String) Http.json(responses.getLast()).get("access_token"));
        assertThat(server.oauth.token(Map.of("grant_type", "refresh_token", "refresh_token", (String) successors.getFirst(),
                "client_id", (String) tokens.get("client_id"))).statusCode()).as("the successor works").isEqualTo(200);
    }

    @Test
    void twoHundredConcurrentRotationsOfOneRefreshTokenWithoutGraceThenExactlyOneAndTheFamilyIsRevoked(
            @TempDir Path own) throws Exception {
        try (RunningServer strict = RunningServer.start(own, b -> b.refreshReuseGrace(Duration.ZERO),
                TransportSettings.defaults().withoutRateLimits())) {
            OAuthClient strictOauth = strict.client();
            Map<String, Object> tokens = strictOauth.publicTokens();
            Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token",
                    (String) tokens.get("refresh_token"), "client_id", (String) tokens.get("client_id"));

            List<HttpResponse<String>> responses = race(() -> strictOauth.token(form));

            assertThat(count(responses, 200)).as("exactly one rotation wins").isEqualTo(1);
            assertThat(audit.warnings()).as("reuse is audited").isNotEmpty();
            assertThat(count(responses, 400)).isEqualTo(RACERS - 1);
            responses.stream().filter(r -> r.statusCode() == 400)
                    .forEach(r -> assertThat(Http.json(r)).containsEntry("error", "invalid_grant"));
            Map<String, Object> winner = Http.json(responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow());
            Attacks.assertTokenRefused(strict.base, (String) winner.get("access_token"));
            Attacks.assertOAuthError(strictOauth.token(Map.of("grant_type", "refresh_token", "refresh_token",
                    (String) winner.get("refresh_token"), "client_id", (String) tokens.get("client_id"))), 400, "invalid_grant");
        }
    }

    @Test
    void twoHundredConcurrentLoginsToOneRequestThenExactlyOneCode() throws Exception {
        String clientId = (String) server.oauth.register("none", null).get("client_id");
        LoginAttackTest.Page page = LoginAttackTest.Page.load(server.oauth.loginPage(clientId, Pkce.create(), "s", null));

        List<HttpResponse<String>> responses = race(() -> page.post(OAuthClient.USER, OAuthClient.PASSWORD));

        assertThat(count(responses, 302)).as("exactly one login completes").isEqualTo(1);
        assertThat(count(responses, 400)).isEqualTo(RACERS - 1);
    }
}
