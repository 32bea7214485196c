package dev.mcpoauth.helidon;

import dev.mcpoauth.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static dev.mcpoauth.helidon.Attacks.assertErrorPage;
import static dev.mcpoauth.helidon.Attacks.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input at every endpoint: oversized bodies, malformed JSON, forms and Basic headers, wrong
 * content types, header injection through {@code state}, SQL metacharacters in every field. Each gets
 * its exact 4xx and the server keeps working.
 *
 * <p>Bodies that end before their {@code Content-Length} (the client then half-closes) and chunked
 * bodies whose chunk-size line is not hexadecimal are sent on a raw socket to every endpoint: each
 * gets one 400 in the endpoint's own error shape (RFC 6749 {@code invalid_request} JSON with
 * {@code Cache-Control: no-store}, an HTML page at the login page, a JSON-RPC error at {@code /mcp}),
 * nothing written behind it, and the log holds no warning, no stack trace and at most one line per
 * request. Endpoints that never read a body answer as they would without it.
 */
class InputAttackTest {

    static final String BROKEN_FORM = "grant_type=authorization_code&code=abc&client_id=x";
    static final String BROKEN_JSON = "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT + "\"],\"client_name\":\"x\"";
    static final String SQL = "' OR '1'='1'; DROP TABLE clients; -- \"; DELETE FROM grants;/*";

    @RegisterExtension
    static final SharedServer server = SharedServer.create();

    @Test
    void oversizedBodiesThen413AtEveryEndpoint() {
        String big = "x".repeat((int) TransportSettings.DEFAULT_OAUTH_MAX_BODY_BYTES + 1);

        assertOAuthError(Http.post(server.base + "/register", Http.JSON, "{\"client_name\":\"" + big + "\"}"), 413,
                "invalid_request");
        assertOAuthError(Http.post(server.base + "/token", Http.FORM, "grant_type=" + big), 413, "invalid_request");
        assertOAuthError(Http.post(server.base + "/revoke", Http.FORM, "token=" + big), 413, "invalid_request");
        assertOAuthError(Http.post(server.base + "/introspect", Http.FORM, "token=" + big), 413, "invalid_request");
        assertErrorPage(Http.post(server.base + "/oauth/login", Http.FORM, "state=" + big), 413, "invalid_request");
    }

    @Test
    void oversizedChunkedBodyWithoutContentLengthThen413() throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(server.base + "/token"))
                .header("Content-Type", Http.FORM)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.ByteArrayInputStream(("grant_type=" + "y".repeat(200_000)).getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertOAuthError(response, 413, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "\"a string\"", "42", "null", "{\"redirect_uris\":", "{'single':'quotes'}",
            "{\"a\":1}{\"b\":2}", "\u0000\u0001"})
    void malformedJsonAtRegistrationThenInvalidClientMetadata(String body) {
        assertOAuthError(Http.post(server.base + "/register", Http.JSON, body), 400, "invalid_client_metadata");
    }

    @Test
    void wronglyTypedRegistrationFieldsThen400() {
        assertOAuthError(Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":\"" + OAuthClient.REDIRECT
                + "\"}"), 400, "invalid_redirect_uri");
        assertOAuthError(Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[42]}"), 400,
                "invalid_redirect_uri");
        assertOAuthError(Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT
                + "\"],\"client_name\":{\"nested\":true}}"), 400, "invalid_client_metadata");
        assertOAuthError(Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT
                + "\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}"), 400, "invalid_client_metadata");
        assertOAuthError(Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT
                + "\"],\"grant_types\":[\"implicit\"]}"), 400, "invalid_client_metadata");
    }

    @Test
    void wrongContentTypesThen400() {
        assertOAuthError(Http.post(server.base + "/register", Http.FORM, "redirect_uris=x"), 400, "invalid_client_metadata");
        assertOAuthError(Http.post(server.base + "/token", Http.JSON, "{\"grant_type\":\"authorization_code\"}"), 400,
                "invalid_request");
        assertOAuthError(Http.post(server.base + "/token", "text/plain", "grant_type=authorization_code"), 400,
                "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=%zz", "grant_type=%", "grant_type=%E0%A4%A", "%=x&grant_type=refresh_token"})
    void malformedFormEncodingThenInvalidRequest(String body) {
        assertOAuthError(Http.post(server.base + "/token", Http.FORM, body), 400, "invalid_request");
    }

    @Test
    void malformedBasicHeadersThenInvalidClient() {
        String form = "grant_type=refresh_token&refresh_token=x";
        for (String header : new String[] {"Basic !!!notbase64!!!", "Basic " + b64("no-colon"), "Basic " + b64(":secret"),
                "Basic " + b64("id%zz:secret"), "Basic ", "Basic " + b64("unknown-client:secret")}) {
            HttpResponse<String> response = Http.post(server.base + "/token", Http.FORM, form, "Authorization", header);
            assertOAuthError(response, 401, "invalid_client");
        }
    }

    @Test
    void basicHeaderAndSecretInTheBodyTogetherThenInvalidRequest() {
        Map<String, Object> client = server.oauth.register("client_secret_basic", null);
        String id = (String) client.get("client_id");
        String secret = (String) client.get("client_secret");

        assertOAuthError(Http.post(server.base + "/token", Http.FORM, "grant_type=refresh_token&refresh_token=x&client_secret="
                + OAuthClient.enc(secret), "Authorization", OAuthClient.basic(id, secret)), 400, "invalid_request");
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headerInjectionThroughStateIsPercentEncodedInTheRedirect() {
        String clientId = (String) server.oauth.register("none", null).get("client_id");
        String evil = "s\r\nSet-Cookie: pwned=1\r\nLocation: https://evil.example";

        HttpResponse<String> error = Http.get(server.base + "/authorize?response_type=token&client_id=" + clientId
                + "&redirect_uri=" + OAuthClient.enc(OAuthClient.REDIRECT) + "&state=" + OAuthClient.enc(evil));
        Pkce pkce = Pkce.create();
        HttpResponse<String> success = server.oauth.submitLogin(server.oauth.loginPage(clientId, pkce, evil, null),
                OAuthClient.USER, OAuthClient.PASSWORD);

        for (HttpResponse<String> response : java.util.List.of(error, success)) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().allValues("Location")).hasSize(1);
            assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("pwned"));
            assertThat(Http.header(response, "Location")).startsWith(OAuthClient.REDIRECT).doesNotContain("\r", "\n")
                    .contains("s%0D%0ASet-Cookie%3A%20pwned%3D1");
            assertThat(OAuthClient.query(URI.create(Http.header(response, "Location")))).containsEntry("state", evil);
        }
    }

    @Test
    void sqlMetacharactersInEveryFieldAreInertAndTheServerKeepsWorking() {
        HttpResponse<String> registered = Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[\""
                + OAuthClient.REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\",\"client_name\":\""
                + SQL.replace("\"", "\\\"") + "\"}");
        assertThat(registered.statusCode()).isEqualTo(201);
        String clientId = (String) Http.json(registered).get("client_id");

        assertOAuthError(Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[\"https://x.example/"
                + OAuthClient.enc(SQL) + "\"],\"scope\":\"" + SQL.replace("\"", "\\\"") + "\"}"), 400, "invalid_client_metadata");
        assertErrorPage(Http.get(server.base + "/authorize?client_id=" + OAuthClient.enc(SQL)), 400, "invalid_client");
        Attacks.assertErrorRedirect(server.oauth.authorize(clientId, Pkce.create(), SQL, "scope=" + OAuthClient.enc(SQL)),
                server.base, "invalid_scope");
        for (String field : new String[] {"code", "code_verifier", "redirect_uri", "resource"}) {
            Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                    "client_id", clientId, "code", "c", "code_verifier", "v".repeat(43)));
            form.put(field, SQL);
            assertOAuthError(server.oauth.token(form), 400, field.equals("resource") ? "invalid_target" : "invalid_grant");
        }
        assertOAuthError(server.oauth.token(Map.of("grant_type", "refresh_token", "refresh_token", SQL, "client_id", clientId)),
                400, "invalid_grant");
        assertOAuthError(server.oauth.token(Map.of("grant_type", SQL, "client_id", clientId)), 400, "unsupported_grant_type");
        assertOAuthError(server.oauth.token(Map.of("grant_type", "refresh_token", "refresh_token", "x", "client_id", SQL)),
                401, "invalid_client");
        assertThat(Http.post(server.base + "/revoke", Http.FORM, OAuthClient.form(Map.of("token", SQL, "client_id",
                clientId))).statusCode()).isEqualTo(200);
        HttpResponse<String> login = LoginAttackTest.Page.load(server.oauth.loginPage(clientId, Pkce.create(), "s", null))
                .post(SQL, SQL);
        assertThat(login.statusCode()).isEqualTo(200);

        assertThat(server.store.findClient(clientId)).as("the tables are intact").isPresent();
        Map<String, Object> tokens = server.oauth.publicTokens();
        Attacks.assertTokenAccepted(server.base, (String) tokens.get("access_token"));
    }

    @Test
    void repeatedParametersThenInvalidRequestOnEveryEndpoint() {
        String clientId = (String) server.oauth.register("none", null).get("client_id");

        assertErrorPage(Http.get(server.base + "/authorize?client_id=" + clientId + "&client_id=" + clientId), 400,
                "invalid_request");
        assertOAuthError(Http.post(server.base + "/token", Http.FORM, "grant_type=refresh_token&grant_type=refresh_token"),
                400, "invalid_request");
        assertOAuthError(Http.post(server.base + "/revoke", Http.FORM, "token=a&token=b&client_id=" + clientId), 400,
                "invalid_request");
    }

    @Test
    void unexpectedMethodsThen405WithAllow() {
        HttpResponse<String> put = Http.send("PUT", server.base + "/token", Http.FORM, "grant_type=x");
        HttpResponse<String> delete = Http.send("DELETE", server.base + "/register", null, null);

        assertOAuthError(put, 405, "invalid_request");
        assertThat(Http.header(put, "Allow")).isEqualTo("POST, OPTIONS");
        assertOAuthError(delete, 405, "invalid_request");
    }

    @Test
    void controlCharactersAndOverlongValuesInParametersThen4xxNeverAServerError() {
        String clientId = (String) server.oauth.register("none", null).get("client_id");
        for (String value : new String[] {"\u0000", "\u202e\u0007", "x".repeat(60_000), "\ud83d\ude00".repeat(1000)}) {
            assertOAuthError(server.oauth.token(Map.of("grant_type", "authorization_code", "client_id", clientId, "code", value,
                    "code_verifier", "v".repeat(43))), 400, "invalid_grant");
            assertOAuthError(Http.post(server.base + "/register", Http.JSON, "{\"redirect_uris\":[\""
                    + OAuthClient.REDIRECT + "\"],\"client_name\":\"" + value.replace("\u0000", "\\u0000") + "\"}"),
                    400, "invalid_client_metadata");
        }
    }

    @Test
    void formEndpointsWhenTheBodyIsTruncatedOrBadlyChunkedThenInvalidRequestAndNoStackTrace() {
        for (RawHttp.Shape shape : RawHttp.Shape.values()) {
            for (String path : List.of("/token", "/revoke", "/introspect")) {
                assertInvalidRequest(shape, path, logged(() -> RawHttp.send(shape, "POST", server.base + path, Http.FORM,
                        BROKEN_FORM)));
            }
            assertInvalidRequest(shape, "/register", logged(() -> RawHttp.send(shape, "POST", server.base + "/register",
                    Http.JSON, BROKEN_JSON)));
        }
    }

    @Test
    void loginPageWhenTheBodyIsTruncatedOrBadlyChunkedThenAnHtml400AndNoStackTrace() {
        for (RawHttp.Shape shape : RawHttp.Shape.values()) {
            RawHttp.Answer answer = logged(() -> RawHttp.send(shape, "POST", server.base + "/oauth/login", Http.FORM,
                    "state=abc&csrf_token=def&username=alice&password=x"));
            assertThat(answer.status()).as("%s at the login page", shape).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("text/html");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.body()).contains("<code>invalid_request</code>").doesNotContain("HTTP/1.1");
        }
    }

    @Test
    void mcpWhenTheBodyIsTruncatedOrBadlyChunkedThenAJsonRpc400AndNoStackTrace() {
        String access = (String) server.oauth.publicTokens().get("access_token");
        for (RawHttp.Shape shape : RawHttp.Shape.values()) {
            RawHttp.Answer answer = logged(() -> RawHttp.send(shape, "POST", server.mcp(), Http.JSON, Attacks.INITIALIZE,
                    "Accept", McpGateTest.ACCEPT, "Authorization", "Bearer " + access));
            assertThat(answer.status()).as("%s at /mcp with a valid token: %s", shape, answer.body()).isEqualTo(400);
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.body()).doesNotContain("HTTP/1.1");
            Map<String, Object> error = Json.parseObject(answer.body());
            assertThat(error).containsEntry("jsonrpc", "2.0");
            assertThat(error.get("error")).asString().contains("-32600");

            RawHttp.Answer anonymous = logged(() -> RawHttp.send(shape, "POST", server.mcp(), Http.JSON,
                    Attacks.INITIALIZE, "Accept", McpGateTest.ACCEPT));
            assertThat(anonymous.status()).as("%s at /mcp without a token: authentication comes first", shape)
                    .isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer ");
        }
    }

    @Test
    void endpointsThatReadNoBodyWhenSentABrokenOneThenTheirUsualAnswerAndNoStackTrace() {
        for (RawHttp.Shape shape : RawHttp.Shape.values()) {
            for (String path : List.of("/authorize", "/.well-known/oauth-authorization-server",
                    "/.well-known/oauth-protected-resource/mcp", "/jwks", "/oauth/assets/login.css", "/nowhere")) {
                RawHttp.Answer answer = logged(() -> RawHttp.send(shape, "POST", server.base + path, Http.FORM, BROKEN_FORM));
                assertThat(answer.status()).as("%s POST %s", shape, path).isBetween(400, 499);
                assertThat(answer.body()).doesNotContain("HTTP/1.1");
            }
        }
    }

    private static void assertInvalidRequest(RawHttp.Shape shape, String path, RawHttp.Answer answer) {
        assertThat(answer.status()).as("%s at %s: %s", shape, path, answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.body()).as("one answer, nothing written behind it").doesNotContain("HTTP/1.1");
        assertThat(Json.parseObject(answer.body())).containsEntry("error", "invalid_request")
                .containsKey("error_description");
    }

    /** Sends one request with every log record captured: no fault, and at most one line about it. */
    private static RawHttp.Answer logged(java.util.function.Supplier<RawHttp.Answer> send) {
        RawHttp.Answer answer;
        List<String> ours = new ArrayList<>();
        try (CapturedLogs logs = CapturedLogs.start(Level.ALL)) {
            answer = send.get();
            assertThat(logs.faults()).as("a client's broken body is not a server fault: no warning, no stack trace")
                    .isEmpty();
            logs.records().stream().filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith("dev.mcpoauth")
                    && !r.getLoggerName().equals("dev.mcpoauth.helidon.requests")).map(CapturedLogs::render)
                    .forEach(ours::add);
        }
        assertThat(ours).as("at most one short line per broken request").hasSizeLessThanOrEqualTo(1)
                .allSatisfy(line -> assertThat(line.lines().count()).isLessThanOrEqualTo(2));
        return answer;
    }
}
