package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.PendingAuthorization;
import dev.mcpoauth.RegisteredClient;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authorization endpoint (RFC 6749 §4.1.1, OAuth 2.1 §4.1.1): validates a request and stores it
 * as pending until the user logs in.
 *
 * <p>The client and its redirect URI are checked first; until both are trusted every error throws
 * (the transport shows a page and never redirects). After that, errors go back to the client as a
 * redirect. Rules: {@code response_type=code} only; PKCE with {@code S256} only, the method must be
 * named (a missing method means {@code plain}, which is refused); {@code scope} within what the
 * client registered and the server supports, plus {@link Scopes#OFFLINE_ACCESS}, which any client may
 * ask and which is granted to clients of the refresh_token grant; {@code resource}, if sent, exactly
 * this server's MCP URL.
 */
final class AuthorizationRequests {

    /** The path of the login page the browser is sent to. */
    public static final String LOGIN_PATH = "/oauth/login";
    /** An S256 challenge: base64url of a SHA-256 digest, 43 characters (RFC 7636 §4.2). */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Engine engine;
    private final ClientDirectory clients;

    /** Creates the handler. */
    public AuthorizationRequests(Engine engine, ClientDirectory clients) {
        this.engine = engine;
        this.clients = clients;
    }

    /**
     * Handles an authorization request.
     *
     * @param params the query parameters
     * @return where to send the browser: the login page, or the client with an error
     * @throws OAuthException when the client is unknown or the redirect URI is not registered
     */
    public AuthorizeResult authorize(Map<String, String> params) {
        String clientId = Params.required(params, "client_id");
        RegisteredClient client = clients.find(clientId).orElseThrow(() -> new OAuthException(
                OAuthErrorCode.INVALID_CLIENT, "unknown client_id; register the client again"));
        Optional<String> requestedRedirect = Params.optional(params, "redirect_uri");
        String redirectUri = requestedRedirect.orElseGet(() -> onlyRedirectUri(client));
        if (!RedirectUris.matches(redirectUri, client.redirectUris())) {
            throw new OAuthException(OAuthErrorCode.INVALID_REQUEST,
                    "redirect_uri is not registered for this client");
        }
        Optional<String> state = Params.optional(params, "state");
        try {
            return pending(params, client, redirectUri, requestedRedirect.isPresent(), state);
        } catch (OAuthException e) {
            return new AuthorizeResult.ErrorRedirect(errorRedirect(redirectUri, e, state));
        }
    }

    private AuthorizeResult pending(Map<String, String> params, RegisteredClient client, String redirectUri,
                                    boolean explicit, Optional<String> state) {
        String responseType = Params.required(params, "response_type");
        if (!responseType.equals("code")) {
            throw new OAuthException(OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE, "only response_type=code is supported");
        }
        if (!client.grantTypes().contains(GrantHandlers.AUTHORIZATION_CODE)) {
            throw new OAuthException(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                    "the client did not register the authorization_code grant");
        }
        String challenge = Params.optional(params, "code_challenge").orElseThrow(() -> new OAuthException(
                OAuthErrorCode.INVALID_REQUEST, "code_challenge is required (PKCE, RFC 7636)"));
        if (!Params.optional(params, "code_challenge_method").filter("S256"::equals).isPresent()) {
            throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "code_challenge_method must be S256");
        }
        if (!S256_CHALLENGE.matcher(challenge).matches()) {
            throw new OAuthException(OAuthErrorCode.INVALID_REQUEST,
                    "code_challenge must be the 43-character base64url SHA-256 of the verifier");
        }
        Set<String> scopes = scopes(params, client);
        String resource = Params.ownResource(params, engine.config().resource());
        String loginRequestId = Secrets.newSecret();
        Instant now = engine.now();
        engine.store().savePendingAuthorization(new PendingAuthorization(Secrets.hash(loginRequestId),
                client.clientId(), redirectUri, explicit, state, challenge, scopes, resource, now,
                now.plus(engine.config().pendingLoginLifetime())));
        URI login = URI.create(engine.config().issuer() + LOGIN_PATH + "?state=" + loginRequestId);
        return new AuthorizeResult.LoginRequired(loginRequestId, login);
    }

    private Set<String> scopes(Map<String, String> params, RegisteredClient client) {
        // The client's registered scopes, less any the server no longer supports.
        Set<String> allowed = Scopes.intersect(client.scopes(), Scopes.ofResource(engine.config().supportedScopes()));
        Set<String> requested;
        try {
            requested = Scopes.parse(Params.optional(params, "scope").orElse(""));
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthErrorCode.INVALID_SCOPE, "scope " + e.getMessage());
        }
        // offline_access is open to every client (see Scopes.OFFLINE_ACCESS) and, asked alone, adds to the defaults.
        boolean offline = requested.remove(Scopes.OFFLINE_ACCESS);
        Set<String> scopes;
        if (requested.isEmpty()) {
            Set<String> required = engine.config().requiredScopes();
            scopes = required.isEmpty() ? allowed : Scopes.intersect(required, allowed);
        } else {
            Set<String> refused = new LinkedHashSet<>(requested);
            refused.removeAll(allowed);
            if (!refused.isEmpty()) {
                throw new OAuthException(OAuthErrorCode.INVALID_SCOPE,
                        "this client may not ask for: " + Scopes.format(refused));
            }
            scopes = requested;
        }
        if (offline && client.grantTypes().contains(GrantHandlers.REFRESH_TOKEN)) {
            scopes = new LinkedHashSet<>(scopes);
            scopes.add(Scopes.OFFLINE_ACCESS);
        }
        return scopes;
    }

    private static String onlyRedirectUri(RegisteredClient client) {
        if (client.redirectUris().size() != 1) {
            throw new OAuthException(OAuthErrorCode.INVALID_REQUEST,
                    "redirect_uri is required because the client registered several");
        }
        return client.redirectUris().getFirst();
    }

    private URI errorRedirect(String redirectUri, OAuthException error, Optional<String> state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.code().wireValue());
        params.put("error_description", error.description());
        state.ifPresent(s -> params.put("state", s));
        params.put("iss", engine.config().issuer());
        return QueryStrings.withParams(redirectUri, params);
    }
}
