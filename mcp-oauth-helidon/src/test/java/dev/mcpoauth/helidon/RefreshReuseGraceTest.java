package dev.mcpoauth.helidon;

import dev.mcpoauth.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.mcpoauth.helidon.Attacks.assertOAuthError;
import static dev.mcpoauth.helidon.Attacks.assertTokenAccepted;
import static dev.mcpoauth.helidon.Attacks.assertTokenRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What real clients do with refresh tokens, over HTTP against the real routes and a real SQLite file
 * with a clock the test moves: a retry after a lost answer, several processes refreshing one stored
 * credential at once, a replay after the reuse grace, a token two rotations old, another client
 * within the grace. Repeats converge on one working successor; everything else is theft.
 */
class RefreshReuseGraceTest {

    @TempDir
    Path dir;
    private ClockedServer server;
    private OAuthClient oauth;
    /** Expected warnings are asserted here, not printed into the build log. */
    private LogCapture engineLog;

    @BeforeEach
    void start() {
        server = new ClockedServer(dir, b -> b);
        oauth = server.client();
        engineLog = LogCapture.of("dev.mcpoauth.core.RefreshGrant");
    }

    @AfterEach
    void stop() {
        engineLog.close();
        server.close();
    }

    private List<String> warnings() {
        return engineLog.warnings();
    }

    private HttpResponse<String> refresh(Map<String, Object> tokens, String refreshToken) {
        return oauth.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", (String) tokens.get("client_id")));
    }

    @Test
    void retryAfterALostResponseThenTheSameRefreshTokenAndBothAccessTokensWork() {
        Map<String, Object> first = oauth.publicTokens();
        Map<String, Object> lost = Http.json(refresh(first, (String) first.get("refresh_token")));
        server.clock.advance(Duration.ofSeconds(30));

        HttpResponse<String> retried = refresh(first, (String) first.get("refresh_token"));

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        Map<String, Object> retry = Http.json(retried);
        assertThat(retry.get("refresh_token")).as("the retry gets the answer's refresh token the client never saw")
                .isEqualTo(lost.get("refresh_token"));
        assertTokenAccepted(server.base, (String) lost.get("access_token"));
        assertTokenAccepted(server.base, (String) retry.get("access_token"));
        assertThat(refresh(first, (String) retry.get("refresh_token")).statusCode()).isEqualTo(200);
        assertThat(warnings()).as("a repeat is not theft").isEmpty();
    }

    @Test
    void fiveProcessesRefreshingOneCredentialAtOnceThenAllSucceedWithOneSuccessor() throws Exception {
        Map<String, Object> shared = oauth.publicTokens();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<HttpResponse<String>>> calls = Stream.generate(() -> pool.submit(
                    () -> refresh(shared, (String) shared.get("refresh_token")))).limit(5).toList();
            List<Map<String, Object>> answers = new java.util.ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get(1, TimeUnit.MINUTES);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                answers.add(Http.json(response));
            }
            assertThat(answers.stream().map(a -> a.get("refresh_token")).distinct())
                    .as("every process holds the same, working refresh token").hasSize(1);
            for (Map<String, Object> answer : answers) {
                assertTokenAccepted(server.base, (String) answer.get("access_token"));
            }
            assertThat(refresh(shared, (String) answers.getFirst().get("refresh_token")).statusCode()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void replayAfterTheGraceThenInvalidGrantTheFamilyIsRevokedAndAWarningSaysSo() {
        Map<String, Object> first = oauth.publicTokens();
        Map<String, Object> second = Http.json(refresh(first, (String) first.get("refresh_token")));
        server.clock.advance(Duration.ofSeconds(60));

        assertOAuthError(refresh(first, (String) first.get("refresh_token")), 400, "invalid_grant");

        assertTokenRefused(server.base, (String) second.get("access_token"));
        assertOAuthError(refresh(first, (String) second.get("refresh_token")), 400, "invalid_grant");
        assertThat(warnings()).as("theft is worth an audit line").hasSize(1);
        assertThat(warnings().getFirst()).contains("reused");
    }

    @Test
    void tokenTwoRotationsOldWithinTheGraceThenTheFamilyIsRevoked() {
        Map<String, Object> first = oauth.publicTokens();
        Map<String, Object> second = Http.json(refresh(first, (String) first.get("refresh_token")));
        Map<String, Object> third = Http.json(refresh(first, (String) second.get("refresh_token")));

        assertOAuthError(refresh(first, (String) first.get("refresh_token")), 400, "invalid_grant");

        assertTokenRefused(server.base, (String) third.get("access_token"));
        assertThat(warnings()).hasSize(1);
    }

    @Test
    void anotherClientPresentingTheTokenWithinTheGraceThenTheFamilyIsRevoked() {
        Map<String, Object> victim = oauth.publicTokens();
        Map<String, Object> rotated = Http.json(refresh(victim, (String) victim.get("refresh_token")));
        String thief = (String) oauth.register("none", null).get("client_id");

        assertOAuthError(oauth.token(Map.of("grant_type", "refresh_token", "refresh_token",
                (String) victim.get("refresh_token"), "client_id", thief)), 400, "invalid_grant");

        assertTokenRefused(server.base, (String) rotated.get("access_token"));
        assertThat(warnings()).hasSize(1);
        assertThat(warnings().getFirst()).contains("of client");
    }

    @Test
    void refreshNamingAnotherResourceThenInvalidTargetAndTheTokenIsNotSpent() {
        Map<String, Object> tokens = oauth.publicTokens();

        assertOAuthError(oauth.token(Map.of("grant_type", "refresh_token", "refresh_token",
                (String) tokens.get("refresh_token"), "client_id", (String) tokens.get("client_id"),
                "resource", "https://elsewhere.example/mcp")), 400, "invalid_target");

        assertThat(refresh(tokens, (String) tokens.get("refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void repeatsLeaveNoRefreshTokenInPlainTextInTheDatabaseFiles() throws IOException {
        Map<String, Object> first = oauth.publicTokens();
        Map<String, Object> second = Http.json(refresh(first, (String) first.get("refresh_token")));
        Map<String, Object> repeat = Http.json(refresh(first, (String) first.get("refresh_token")));
        assertThat(repeat.get("refresh_token")).isEqualTo(second.get("refresh_token"));

        String stored;
        try (Stream<Path> files = Files.list(dir)) {
            stored = files.filter(f -> f.getFileName().toString().startsWith("clocked.db"))
                    .map(RefreshReuseGraceTest::bytes).reduce("", String::concat);
        }
        assertThat(stored).as("the database and its WAL were read").isNotEmpty();
        for (String token : List.of((String) first.get("refresh_token"), (String) second.get("refresh_token"))) {
            assertThat(stored).as("refresh tokens are stored hashed, successors only sealed").doesNotContain(token);
        }
    }

    private static String bytes(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
