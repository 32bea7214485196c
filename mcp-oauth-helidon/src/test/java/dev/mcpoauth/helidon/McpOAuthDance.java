package dev.mcpoauth.helidon;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an MCP client does before its first authorized request, starting from nothing but the MCP
 * URL (MCP authorization spec, as the TypeScript SDK client does it): POST /mcp -> 401 ->
 * {@code resource_metadata} from {@code WWW-Authenticate} -> protected resource metadata ->
 * authorization server metadata -> dynamic registration -> /authorize -> login page -> code ->
 * token with {@code resource}. Every URL after the first is read from a response.
 */
final class McpOAuthDance {

    private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");

    final String mcpUrl;
    String issuer;
    String resource;
    Map<String, Object> asMetadata;
    String clientId;

    McpOAuthDance(String mcpUrl) {
        this.mcpUrl = mcpUrl;
    }

    /** Runs the dance; returns the token response. */
    Map<String, Object> run() {
        HttpResponse<String> refused = Http.post(mcpUrl, Http.JSON, McpGateTest.INITIALIZE, "Accept", McpGateTest.ACCEPT);
        assertThat(refused.statusCode()).as("an unauthenticated MCP request").isEqualTo(401);
        Matcher m = RESOURCE_METADATA.matcher(Http.header(refused, "WWW-Authenticate"));
        assertThat(m.find()).as("the challenge names the resource metadata").isTrue();

        Map<String, Object> prm = Http.json(Http.get(m.group(1)));
        resource = (String) prm.get("resource");
        issuer = (String) ((List<?>) prm.get("authorization_servers")).getFirst();
        assertThat(resource).isEqualTo(mcpUrl);
        asMetadata = Http.json(Http.get(issuer + "/.well-known/oauth-authorization-server"));
        assertThat(asMetadata.get("issuer")).as("RFC 8414 §3.3").isEqualTo(issuer);

        HttpResponse<String> registered = Http.post((String) asMetadata.get("registration_endpoint"), Http.JSON,
                "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\","
                        + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"client_name\":\"SDK interop\"}");
        assertThat(registered.statusCode()).isEqualTo(201);
        clientId = (String) Http.json(registered).get("client_id");

        Pkce pkce = Pkce.create();
        String authorize = asMetadata.get("authorization_endpoint") + "?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + OAuthClient.enc(OAuthClient.REDIRECT) + "&code_challenge=" + pkce.challenge()
                + "&code_challenge_method=S256&state=interop&resource=" + OAuthClient.enc(resource);
        HttpResponse<String> toLogin = Http.get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        HttpResponse<String> loggedIn = new OAuthClient(issuer)
                .submitLogin(Http.header(toLogin, "Location"), OAuthClient.USER, OAuthClient.PASSWORD);
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
        Map<String, String> callback = OAuthClient.query(URI.create(Http.header(loggedIn, "Location")));
        assertThat(callback).containsEntry("state", "interop").containsEntry("iss", issuer);

        HttpResponse<String> tokens = Http.post((String) asMetadata.get("token_endpoint"), Http.FORM, OAuthClient.form(Map.of(
                "grant_type", "authorization_code", "code", callback.get("code"), "redirect_uri", OAuthClient.REDIRECT,
                "code_verifier", pkce.verifier(), "client_id", clientId, "resource", resource)));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return Http.json(tokens);
    }

    /** A refresh-token grant at the advertised token endpoint. */
    HttpResponse<String> refresh(String refreshToken) {
        return Http.post((String) asMetadata.get("token_endpoint"), Http.FORM, OAuthClient.form(Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId, "resource", resource)));
    }
}
