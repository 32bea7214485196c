package dev.mcpoauth.helidon;

import dev.mcpoauth.core.McpOAuthServer;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.testing.RedisServerExtension;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances on separate ports sharing one real {@code redis-server}, as behind a load
 * balancer: they share the public URL (so the issuer and the token audience are the same) and the
 * Redis store, and each step of one OAuth flow lands on whichever instance the balancer picked.
 */
class MultiInstanceRedisTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    /** The balancer's address: the issuer both instances announce. Nothing listens there. */
    private static final String PUBLIC_URL = "http://127.0.0.1:9";

    private final List<McpOAuthServer> servers = new ArrayList<>();
    private final SdkClients clients = new SdkClients();

    @AfterEach
    void stop() {
        clients.close();
        servers.forEach(McpOAuthServer::stop);
    }

    @Test
    void twoInstancesOnOneRedisServeOneFlowSplitAcrossThem() {
        String prefix = "multi-" + UUID.randomUUID() + ":";
        McpOAuthServer a = start(prefix);
        McpOAuthServer b = start(prefix);
        OAuthClient onA = new OAuthClient(local(a));
        OAuthClient onB = new OAuthClient(local(b));

        // Register on A.
        Map<String, Object> registered = onA.register("client_secret_basic", null);
        String clientId = (String) registered.get("client_id");
        String basic = OAuthClient.basic(clientId, (String) registered.get("client_secret"));

        // Authorize and log in on B; the login page URL names the balancer, which sends it to B.
        Pkce pkce = Pkce.create();
        String loginOnB = onInstance(onB.loginPage(clientId, pkce, "split", null), b);
        HttpResponse<String> loggedIn = onB.submitLogin(loginOnB, OAuthClient.USER, OAuthClient.PASSWORD);
        assertThat(loggedIn.statusCode()).as("login on B: %s", loggedIn.body()).isEqualTo(302);
        Map<String, String> callback = OAuthClient.query(URI.create(Http.header(loggedIn, "Location")));
        assertThat(callback).containsEntry("iss", PUBLIC_URL).containsEntry("state", "split");

        // Exchange the code on A: the code B issued is in Redis.
        HttpResponse<String> exchanged = onA.token(Map.of("grant_type", "authorization_code", "code", callback.get("code"),
                "redirect_uri", OAuthClient.REDIRECT, "code_verifier", pkce.verifier()), "Authorization", basic);
        assertThat(exchanged.statusCode()).as("exchange on A: %s", exchanged.body()).isEqualTo(200);
        Map<String, Object> first = Http.json(exchanged);

        // The same code again, on B: a replay across instances, refused.
        HttpResponse<String> replay = onB.token(Map.of("grant_type", "authorization_code", "code", callback.get("code"),
                "redirect_uri", OAuthClient.REDIRECT, "code_verifier", pkce.verifier()), "Authorization", basic);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(Http.json(replay)).containsEntry("error", "invalid_grant");

        // That replay revoked the grant everywhere; start a fresh one for the rest of the walk.
        assertThat(mcpStatus(b, (String) first.get("access_token"))).as("replay revoked the grant, seen on B").isEqualTo(401);
        Pkce again = Pkce.create();
        HttpResponse<String> secondLogin = onB.submitLogin(onInstance(onB.loginPage(clientId, again, "again", null), b),
                OAuthClient.USER, OAuthClient.PASSWORD);
        String code = OAuthClient.query(URI.create(Http.header(secondLogin, "Location"))).get("code");
        Map<String, Object> tokens = Http.json(onA.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", OAuthClient.REDIRECT, "code_verifier", again.verifier()), "Authorization", basic));

        // A token minted by A (signed with a key from Redis) works for MCP on B.
        McpSyncClient client = clients.connect(local(b), (String) tokens.get("access_token"));
        client.initialize();
        assertThat(SdkClients.whoami(client)).isEqualTo("user-alice");

        // Refresh on B; the rotated-away token is refused on A.
        HttpResponse<String> refreshed = onB.token(Map.of("grant_type", "refresh_token",
                "refresh_token", (String) tokens.get("refresh_token")), "Authorization", basic);
        assertThat(refreshed.statusCode()).as("refresh on B: %s", refreshed.body()).isEqualTo(200);
        Map<String, Object> renewed = Http.json(refreshed);
        assertThat(mcpStatus(a, (String) renewed.get("access_token"))).as("B's new token works on A").isEqualTo(200);

        // Revoke on A; B rejects the token at once.
        HttpResponse<String> revoked = Http.post(local(a) + "/revoke", Http.FORM,
                OAuthClient.form(Map.of("token", (String) renewed.get("refresh_token"))), "Authorization", basic);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(mcpStatus(b, (String) renewed.get("access_token")))
                .as("revoking the refresh token on A revokes its access tokens on B").isEqualTo(401);
        assertThat(onB.token(Map.of("grant_type", "refresh_token", "refresh_token", (String) renewed.get("refresh_token")),
                "Authorization", basic).statusCode()).isEqualTo(400);
    }

    private McpOAuthServer start(String keyPrefix) {
        McpOAuthServer server = McpOAuthServer.builder("Multi App")
                .config(ServerConfig.builder().host("127.0.0.1").port(0).publicBaseUrl(PUBLIC_URL)
                        .setting("redis.uri", REDIS.uri())
                        .setting("redis.key-prefix", keyPrefix)
                        // One CSRF key for every instance, as the README asks for N instances.
                        .setting("login.csrf.key", "bXVsdGktaW5zdGFuY2UtdGVzdC1rZXktMzItYnl0ZXMtbG9uZw")
                        .build())
                .userChecker((user, password) -> OAuthClient.USER.equals(user) && OAuthClient.PASSWORD.equals(password)
                        ? Optional.of("user-" + user) : Optional.empty())
                .tokenStore("redis")
                .loginHandler("default")
                .transport("helidon")
                .tool(RunningServer.whoami())
                .build();
        servers.add(server);
        server.start();
        return server;
    }

    /** Where an instance really listens (its base URI is the public one). */
    private static String local(McpOAuthServer instance) {
        return "http://127.0.0.1:" + instance.port();
    }

    /** What the balancer does: the same path and query, on one instance. */
    private static String onInstance(String url, McpOAuthServer instance) {
        URI uri = URI.create(url);
        assertThat(uri.getScheme() + "://" + uri.getAuthority()).as("URLs name the public address").isEqualTo(PUBLIC_URL);
        return local(instance) + uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static int mcpStatus(McpOAuthServer instance, String accessToken) {
        return Http.post(local(instance) + "/mcp", Http.JSON, McpGateTest.INITIALIZE,
                "Accept", McpGateTest.ACCEPT, "Authorization", "Bearer " + accessToken).statusCode();
    }
}
