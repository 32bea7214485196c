package dev.mcpoauth.helidon;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OAuth client and its user's browser, driven over raw HTTP: registration, {@code /authorize},
 * the real login page (hidden fields and the CSRF cookie handled as a browser does), and the token
 * endpoint. Endpoint URLs come from the server's metadata where a real client would read them.
 */
final class OAuthClient {

    static final String REDIRECT = "http://127.0.0.1:53682/callback";
    static final String USER = "alice";
    static final String PASSWORD = "wonderland";

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"");

    private final String base;

    OAuthClient(String base) {
        this.base = base;
    }

    /** Registers a client; {@code authMethod} none, client_secret_post or client_secret_basic. */
    Map<String, Object> register(String authMethod, String scope) {
        String body = "{\"redirect_uris\":[\"" + REDIRECT + "\"],\"client_name\":\"test client\","
                + "\"token_endpoint_auth_method\":\"" + authMethod + "\""
                + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}";
        HttpResponse<String> response = Http.post(base + "/register", Http.JSON, body);
        assertThat(response.statusCode()).as("registration: %s", response.body()).isEqualTo(201);
        return Http.json(response);
    }

    /** Registers a client with the given JSON metadata; asserts 201. */
    Map<String, Object> registerJson(String metadata) {
        HttpResponse<String> response = Http.post(base + "/register", Http.JSON, metadata);
        assertThat(response.statusCode()).as("registration of %s: %s", metadata, response.body()).isEqualTo(201);
        return Http.json(response);
    }

    /** GET /authorize; returns the response (302 to the login page when all is well). */
    HttpResponse<String> authorize(String clientId, Pkce pkce, String state, String extra) {
        return authorize(clientId, REDIRECT, pkce, state, extra);
    }

    /** GET /authorize with a redirect URI of the caller's choice. */
    HttpResponse<String> authorize(String clientId, String redirectUri, Pkce pkce, String state, String extra) {
        String query = "response_type=code&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirectUri)
                + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256&state=" + enc(state)
                + (extra == null ? "" : "&" + extra);
        return Http.get(base + "/authorize?" + query);
    }

    /**
     * Authorizes and logs in with a redirect URI of the caller's choice, and returns the parameters of
     * the redirect back to it ({@code code}, {@code state}, {@code iss}, or an error).
     */
    Map<String, String> login(String clientId, String redirectUri, Pkce pkce, String extra) {
        HttpResponse<String> authorize = authorize(clientId, redirectUri, pkce, "st-" + System.nanoTime(), extra);
        assertThat(authorize.statusCode()).as("authorize: %s", authorize.body()).isEqualTo(302);
        HttpResponse<String> done = submitLogin(local(Http.header(authorize, "Location")), USER, PASSWORD);
        assertThat(done.statusCode()).as("login: %s", done.body()).isEqualTo(302);
        String location = Http.header(done, "Location");
        assertThat(location).as("the code goes back to the redirect URI").startsWith(redirectUri.split("\\?")[0]);
        return query(URI.create(location));
    }

    /** Exchanges a public client's code sent to {@code redirectUri}; returns the response. */
    HttpResponse<String> exchange(String clientId, String redirectUri, String code, Pkce pkce) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", pkce.verifier(), "client_id", clientId));
    }

    /** A URL of the server as the test reaches it: the issuer's origin replaced by this client's base. */
    private String local(String url) {
        URI uri = URI.create(url);
        return base + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The login page location /authorize redirects to. */
    String loginPage(String clientId, Pkce pkce, String state, String extra) {
        HttpResponse<String> response = authorize(clientId, pkce, state, extra);
        assertThat(response.statusCode()).as("authorize: %s", response.body()).isEqualTo(302);
        return Http.header(response, "Location");
    }

    /** Loads the login page, fills in the form as a browser would, and returns the POST's response. */
    HttpResponse<String> submitLogin(String loginUrl, String username, String password) {
        HttpResponse<String> page = Http.get(loginUrl);
        assertThat(page.statusCode()).as("login page: %s", page.body()).isEqualTo(200);
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("mcp_oauth_csrf=")).map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new AssertionError("the login page set no CSRF cookie"));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        fields.put("username", username);
        fields.put("password", password);
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).as("the login page has a form").isTrue();
        String target = URI.create(loginUrl).resolve(action.group(1)).toString();
        return Http.post(target, Http.FORM, form(fields), "Cookie", cookie);
    }

    /** Runs authorize and login, returning the authorization code from the redirect. */
    String code(String clientId, Pkce pkce, String extra) {
        String state = "st-" + System.nanoTime();
        HttpResponse<String> done = submitLogin(local(loginPage(clientId, pkce, state, extra)), USER, PASSWORD);
        assertThat(done.statusCode()).as("login: %s", done.body()).isEqualTo(302);
        Map<String, String> params = query(URI.create(Http.header(done, "Location")));
        assertThat(params).containsEntry("state", state).containsKey("code");
        return params.get("code");
    }

    /** POST /token with form fields and optional header pairs. */
    HttpResponse<String> token(Map<String, String> fields, String... headers) {
        return Http.post(base + "/token", Http.FORM, form(fields), headers);
    }

    /** Exchanges a code of a public client for tokens. */
    Map<String, Object> exchangePublic(String clientId, String code, Pkce pkce) {
        HttpResponse<String> response = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", pkce.verifier(), "client_id", clientId));
        assertThat(response.statusCode()).as("token: %s", response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** A public client's access token, through the whole browser flow. */
    Map<String, Object> publicTokens() {
        String clientId = (String) register("none", null).get("client_id");
        Pkce pkce = Pkce.create();
        Map<String, Object> tokens = new LinkedHashMap<>(exchangePublic(clientId, code(clientId, pkce, null), pkce));
        tokens.put("client_id", clientId);
        return tokens;
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (enc(id) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    }

    static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return b.toString();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
