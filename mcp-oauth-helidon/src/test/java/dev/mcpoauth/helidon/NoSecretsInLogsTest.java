package dev.mcpoauth.helidon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole flow, its failures and its attacks with every logger at {@code ALL} (our
 * {@code System.Logger}s, Helidon's, and jose4j's SLF4J routed to java.util.logging), captures every
 * record, and searches each one (message, parameters, formatted text and stack trace) for every
 * secret the flow handled: client secrets, codes, access and refresh tokens, passwords, the CSRF
 * cookie and token, and the login request id.
 */
class NoSecretsInLogsTest {

    @TempDir
    Path dir;

    /** Collects every record published anywhere. */
    static final class Capture extends Handler {

        final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void fullFlowWithEveryLoggerAtAllThenNoSecretAppearsInAnyLogRecord() {
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        Map<Handler, Level> handlerLevels = new LinkedHashMap<>();
        for (Handler h : root.getHandlers()) {
            handlerLevels.put(h, h.getLevel());
            h.setLevel(Level.WARNING); // keep the build output readable; the capture sees everything
        }
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        List<String> secrets = new ArrayList<>();
        try {
            runFlow(secrets);
        } finally {
            root.removeHandler(capture);
            root.setLevel(rootLevel);
            handlerLevels.forEach(Handler::setLevel);
        }

        List<String> texts = capture.records.stream().map(NoSecretsInLogsTest::render).toList();
        assertThat(secrets).as("the flow handled every kind of secret").hasSizeGreaterThan(15).doesNotContainNull();
        assertThat(texts).as("the capture saw our debug records and the transport's request log")
                .anyMatch(t -> t.contains("access token rejected"))
                .anyMatch(t -> t.contains("client authentication failed"))
                .anyMatch(t -> t.contains("POST /token ->"));
        // jose4j logs through SLF4J, routed here by slf4j-jdk14; it says little after its first use in the JVM.
        assertThat(capture.records).as("and the web server's protocol log (prologues and headers)")
                .anyMatch(r -> String.valueOf(r.getLoggerName()).startsWith("io.helidon.webserver.http1"));
        for (String secret : secrets) {
            for (String text : texts) {
                assertThat(text).as("a log record contains a secret of length %d", secret.length()).doesNotContain(secret);
            }
        }
    }

    private static String render(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getLoggerName())).append(' ')
                .append(record.getMessage());
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                text.append(' ').append(p);
            }
        }
        text.append(' ').append(new SimpleFormatter().formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(' ').append(trace);
        }
        return text.toString();
    }

    private void runFlow(List<String> secrets) {
        try (RunningServer server = RunningServer.start(dir, b -> b.debug(true))) {
            OAuthClient oauth = server.client();
            secrets.add(OAuthClient.PASSWORD);

            // A confidential client: registration, login (one wrong password first), code, tokens.
            Map<String, Object> client = oauth.register("client_secret_basic", null);
            String clientId = (String) client.get("client_id");
            String secret = (String) client.get("client_secret");
            secrets.add(secret);
            String basic = OAuthClient.basic(clientId, secret);
            secrets.add(basic.substring("Basic ".length()));
            Pkce pkce = Pkce.create();
            secrets.add(pkce.verifier());
            String loginUrl = oauth.loginPage(clientId, pkce, "client-state", null);
            LoginAttackTest.Page page = LoginAttackTest.Page.load(loginUrl);
            secrets.add(page.state());
            secrets.add(page.csrf());
            secrets.add(page.cookie().substring(page.cookie().indexOf('=') + 1));
            String wrongPassword = "not-" + OAuthClient.PASSWORD + "-but-close";
            secrets.add(wrongPassword);
            assertThat(page.post(OAuthClient.USER, wrongPassword).statusCode()).isEqualTo(200);
            HttpResponse<String> loggedIn = page.post(OAuthClient.USER, OAuthClient.PASSWORD);
            String code = OAuthClient.query(URI.create(Http.header(loggedIn, "Location"))).get("code");
            secrets.add(code);
            Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", code,
                    "redirect_uri", OAuthClient.REDIRECT, "code_verifier", pkce.verifier());
            Map<String, Object> tokens = Http.json(oauth.token(exchange, "Authorization", basic));
            String access = (String) tokens.get("access_token");
            String refresh = (String) tokens.get("refresh_token");
            secrets.add(access);
            secrets.add(refresh);

            // MCP with the token, then the failures that log: a forged token, a wrong secret, introspection.
            assertThat(Attacks.mcp(server.base, "Bearer " + access).statusCode()).isEqualTo(200);
            Map<String, Object> claims = ForgedTokens.claimsOf(access);
            claims.put("aud", "https://elsewhere.example/mcp");
            String forged = new ForgedTokens(server.store).withServerKey(claims, "at+jwt");
            secrets.add(forged);
            assertThat(Attacks.mcp(server.base, "Bearer " + forged).statusCode()).isEqualTo(401);
            assertThat(Attacks.mcp(server.base, "Bearer " + access.substring(0, access.length() - 3) + "xyz")
                    .statusCode()).isEqualTo(401);
            String wrongSecret = secret.substring(0, 20) + "guessed";
            secrets.add(wrongSecret);
            assertThat(oauth.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh), "Authorization",
                    OAuthClient.basic(clientId, wrongSecret)).statusCode()).isEqualTo(401);
            assertThat(Http.post(server.base + "/introspect", Http.FORM, "token=" + OAuthClient.enc(access),
                    "Authorization", basic).statusCode()).isEqualTo(200);

            // Rotation, a repeat within the reuse grace, a second rotation, reuse of the token two
            // rotations old (revokes the family), replay of the code.
            Map<String, Object> rotated = Http.json(oauth.token(Map.of("grant_type", "refresh_token",
                    "refresh_token", refresh), "Authorization", basic));
            secrets.add((String) rotated.get("access_token"));
            secrets.add((String) rotated.get("refresh_token"));
            Map<String, Object> repeated = Http.json(oauth.token(Map.of("grant_type", "refresh_token",
                    "refresh_token", refresh), "Authorization", basic));
            secrets.add((String) repeated.get("access_token"));
            Map<String, Object> rotatedAgain = Http.json(oauth.token(Map.of("grant_type", "refresh_token",
                    "refresh_token", (String) rotated.get("refresh_token")), "Authorization", basic));
            secrets.add((String) rotatedAgain.get("access_token"));
            secrets.add((String) rotatedAgain.get("refresh_token"));
            assertThat(oauth.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh), "Authorization", basic)
                    .statusCode()).isEqualTo(400);
            assertThat(oauth.token(exchange, "Authorization", basic).statusCode()).isEqualTo(400);

            // A public client: its whole flow, then revocation of both tokens.
            Map<String, Object> publicTokens = oauth.publicTokens();
            secrets.add((String) publicTokens.get("access_token"));
            secrets.add((String) publicTokens.get("refresh_token"));
            for (String token : List.of((String) publicTokens.get("access_token"), (String) publicTokens.get("refresh_token"))) {
                assertThat(Http.post(server.base + "/revoke", Http.FORM, OAuthClient.form(Map.of("token", token,
                        "client_id", (String) publicTokens.get("client_id")))).statusCode()).isEqualTo(200);
            }
        }
    }
}
