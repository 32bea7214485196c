package dev.mcpoauth.core;

import dev.mcpoauth.AuthenticatedPrincipal;
import dev.mcpoauth.OAuthErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates the bearer token of a request to the MCP endpoint (RFC 6750 §2.1) and builds the
 * {@code WWW-Authenticate} challenge when it must be refused (RFC 6750 §3, RFC 9728 §5.1):
 * <ul>
 *   <li>no token: 401 with {@code resource_metadata} and {@code scope}, no error;</li>
 *   <li>every 401 and 403 names in {@code scope} the required scopes, or every supported scope when
 *       none is required, never {@code offline_access}, and leaves {@code scope} out when that is empty;</li>
 *   <li>a malformed, invalid, expired or revoked token: 401 {@code invalid_token};</li>
 *   <li>a valid token without every required scope: 403 {@code insufficient_scope}, with
 *       {@code scope} listing all required scopes, so that the client can step up.</li>
 * </ul>
 */
final class BearerAuthenticator {

    private final Engine engine;
    private final AccessTokenVerifier verifier;

    /** Creates the authenticator. */
    public BearerAuthenticator(Engine engine, AccessTokenVerifier verifier) {
        this.engine = engine;
        this.verifier = verifier;
    }

    /**
     * Authenticates a request by its {@code Authorization} header.
     *
     * @param authorization the header value, if the request had one
     * @return the principal, or the challenge to answer with
     */
    public BearerResult authenticate(Optional<String> authorization) {
        Optional<String> credentials = authorization.map(String::trim)
                .filter(h -> h.regionMatches(true, 0, "Bearer", 0, 6) && (h.length() == 6 || h.charAt(6) == ' '));
        if (credentials.isEmpty()) {
            // No bearer credentials at all (RFC 6750 §3.1): no error code, just how to get a token.
            return challenge(401, Optional.empty(), Optional.empty());
        }
        String token = credentials.get().substring(6).trim();
        // The verifier checks the b64token syntax itself, and only for a token it has not seen before.
        Optional<AccessTokenVerifier.Verified> verified = verifier.verifyActive(token);
        if (verified.isEmpty()) {
            return invalid(AccessTokenVerifier.isB64Token(token) ? "the access token is invalid, expired or revoked"
                    : "the Authorization header does not hold a bearer token");
        }
        AccessTokenVerifier.Verified claims = verified.get();
        Set<String> required = engine.config().requiredScopes();
        if (!claims.scopes().containsAll(required)) {
            return challenge(403, Optional.of(OAuthErrorCode.INSUFFICIENT_SCOPE),
                    Optional.of("the access token lacks a required scope"));
        }
        return new BearerResult.Authenticated(new AuthenticatedPrincipal(claims.userId(), claims.clientId(),
                claims.scopes(), claims.tokenId(), claims.expiresAt()));
    }

    private BearerResult invalid(String description) {
        return challenge(401, Optional.of(OAuthErrorCode.INVALID_TOKEN), Optional.of(description));
    }

    private BearerResult challenge(int status, Optional<OAuthErrorCode> error, Optional<String> description) {
        Map<String, String> params = new LinkedHashMap<>();
        error.ifPresent(e -> params.put("error", e.wireValue()));
        description.ifPresent(d -> params.put("error_description", d));
        params.put("resource_metadata", engine.config().protectedResourceMetadataUrl());
        Set<String> needed = neededScopes();
        if (!needed.isEmpty()) {
            params.put("scope", Scopes.format(needed));
        }
        StringBuilder header = new StringBuilder("Bearer ");
        params.forEach((name, value) -> {
            if (header.length() > "Bearer ".length()) {
                header.append(", ");
            }
            header.append(name).append("=\"").append(quote(value)).append('"');
        });
        return new BearerResult.Challenge(status, header.toString(), error, description);
    }

    /**
     * The scopes a challenge names (MCP 2025-11-25 "Scope Selection Strategy"): the required scopes, or,
     * when none are required, those a client gets by default, i.e. every supported scope; never
     * {@code offline_access} (MCP 2026-07-28 "Refresh Tokens").
     */
    private Set<String> neededScopes() {
        Set<String> required = engine.config().requiredScopes();
        return Scopes.ofResource(required.isEmpty() ? engine.config().supportedScopes() : required);
    }

    /** Escapes a value for an RFC 9110 quoted-string; control characters are dropped so that no header can be split. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c != 0x7F) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
