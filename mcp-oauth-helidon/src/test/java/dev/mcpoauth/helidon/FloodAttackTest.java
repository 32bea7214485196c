package dev.mcpoauth.helidon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.mcpoauth.helidon.Attacks.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floods: the per-address rate limits of {@code /register} and {@code /token} (on by default), and
 * the cap on registered clients that evicts never-used registrations first.
 */
class FloodAttackTest {

    @TempDir
    Path dir;

    @Test
    void registrationFloodWithTheDefaultLimitThen429TooManyRequestsWithRetryAfter() {
        try (RunningServer server = RunningServer.start(dir, b -> b, TransportSettings.defaults())) {
            int limit = TransportSettings.DEFAULT_REGISTER_RATE_LIMIT.requests();
            for (int i = 0; i < limit; i++) {
                assertThat(server.client().register("none", null)).containsKey("client_id");
            }

            HttpResponse<String> flooded = Http.post(server.base + "/register", Http.JSON,
                    "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT + "\"]}");

            assertOAuthError(flooded, 429, "too_many_requests");
            assertThat(Long.parseLong(Http.header(flooded, "Retry-After"))).isBetween(1L, 30L);
            assertThat(Http.header(flooded, "Access-Control-Allow-Origin")).as("browser clients can read it").isEqualTo("*");
            assertThat(server.store.countClients()).isEqualTo(limit);
        }
    }

    @Test
    void tokenFloodThen429BeforeTheBodyIsRead() {
        TransportSettings settings = TransportSettings.defaults().withoutRateLimits().toBuilder()
                .tokenRateLimit(new RateLimit(5, Duration.ofHours(1))).build();
        try (RunningServer server = RunningServer.start(dir, b -> b, settings)) {
            for (int i = 0; i < 5; i++) {
                assertOAuthError(server.client().token(Map.of("grant_type", "refresh_token")), 401, "invalid_client");
            }

            HttpResponse<String> flooded = Http.post(server.base + "/token", "text/garbage", "not even a form");

            assertOAuthError(flooded, 429, "too_many_requests");
            assertThat(Long.parseLong(Http.header(flooded, "Retry-After"))).isPositive();
        }
    }

    @Test
    void registrationsBeyondTheCapEvictANeverUsedClientAndNeverAUsedOne() {
        try (RunningServer server = RunningServer.start(dir, b -> b.maxClients(3),
                TransportSettings.defaults().withoutRateLimits())) {
            OAuthClient oauth = server.client();
            Map<String, Object> used = oauth.publicTokens();
            String unused = (String) oauth.register("none", null).get("client_id");
            String recent = (String) oauth.register("none", null).get("client_id");

            String newcomer = (String) oauth.register("none", null).get("client_id");

            assertThat(server.store.findClient((String) used.get("client_id"))).as("a used client is never evicted")
                    .isPresent();
            // Registered within one second, the two unused ones tie on their issue time; which is the
            // oldest is proven with a moving clock in the core module's ClientCapTest.
            assertThat(java.util.stream.Stream.of(unused, recent).filter(id -> server.store.findClient(id).isEmpty()))
                    .as("exactly one never-used registration is evicted").hasSize(1);
            assertThat(server.store.findClient(newcomer)).isPresent();
            assertThat(server.store.countClients()).isEqualTo(3);
        }
    }

    @Test
    void registrationWhenEveryClientAtTheCapWasUsedThen503TemporarilyUnavailable() {
        try (RunningServer server = RunningServer.start(dir, b -> b.maxClients(1),
                TransportSettings.defaults().withoutRateLimits())) {
            server.client().publicTokens();

            HttpResponse<String> refused = Http.post(server.base + "/register", Http.JSON,
                    "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT + "\"]}");

            assertOAuthError(refused, 503, "temporarily_unavailable");
            assertThat(Http.header(refused, "Retry-After")).isEqualTo("60");
        }
    }

    @Test
    void forgedForwardingHeadersWithoutATrustedProxyDoNotEscapeTheLimit() {
        TransportSettings settings = TransportSettings.defaults().withoutRateLimits().toBuilder()
                .registerRateLimit(new RateLimit(3, Duration.ofHours(1))).build();
        try (RunningServer server = RunningServer.start(dir, b -> b, settings)) {
            for (int i = 0; i < 3; i++) {
                assertThat(register(server, "203.0.113." + i).statusCode()).isEqualTo(201);
            }

            assertOAuthError(register(server, "198.51.100.99"), 429, "too_many_requests");
        }
    }

    @Test
    void forwardingHeadersFromATrustedProxyCountEachClientOnItsOwn() {
        TransportSettings settings = TransportSettings.defaults().withoutRateLimits().toBuilder()
                .registerRateLimit(new RateLimit(2, Duration.ofHours(1))).addTrustedProxy("127.0.0.1").build();
        try (RunningServer server = RunningServer.start(dir, b -> b, settings)) {
            assertThat(register(server, "203.0.113.1").statusCode()).isEqualTo(201);
            assertThat(register(server, "203.0.113.1").statusCode()).isEqualTo(201);
            assertOAuthError(register(server, "203.0.113.1"), 429, "too_many_requests");

            assertThat(register(server, "203.0.113.2").statusCode()).as("another client behind the proxy").isEqualTo(201);
        }
    }

    private static HttpResponse<String> register(RunningServer server, String forwardedFor) {
        return Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT + "\"]}",
                "X-Forwarded-For", forwardedFor, "Forwarded", "for=" + forwardedFor);
    }
}
