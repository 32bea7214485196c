package dev.mcpoauth.core;

import dev.mcpoauth.Grant;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RegisteredClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token introspection (<a href="https://www.rfc-editor.org/rfc/rfc7662">RFC 7662</a>), for
 * authenticated confidential clients, about their own tokens: anything else, and anything not
 * currently valid, is {@code {"active": false}}.
 */
final class Introspection {

    private final Engine engine;
    private final AccessTokenVerifier verifier;

    /** Creates the handler. */
    public Introspection(Engine engine, AccessTokenVerifier verifier) {
        this.engine = engine;
        this.verifier = verifier;
    }

    /**
     * Describes a token.
     *
     * @param client the authenticated client
     * @param form   the request, with {@code token}
     * @return the introspection response (RFC 7662 §2.2)
     * @throws OAuthException {@code invalid_client} for a public client, {@code invalid_request} without a token
     */
    public Map<String, Object> introspect(RegisteredClient client, Map<String, String> form) {
        if (client.isPublic()) {
            throw new OAuthException(OAuthErrorCode.INVALID_CLIENT,
                    "introspection is only for confidential clients");
        }
        String token = Params.required(form, "token");
        Optional<AccessTokenVerifier.Verified> access = token.indexOf('.') > 0
                ? verifier.verifyActive(token) : Optional.empty();
        if (access.isPresent()) {
            return access.filter(a -> a.clientId().equals(client.clientId()))
                    .map(this::describe).orElseGet(Introspection::inactive);
        }
        return engine.store().findGrantByRefreshToken(Secrets.hash(token), engine.now())
                .filter(g -> g.clientId().equals(client.clientId()))
                .map(this::describe).orElseGet(Introspection::inactive);
    }

    private Map<String, Object> describe(AccessTokenVerifier.Verified token) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("active", true);
        if (!token.scopes().isEmpty()) {
            response.put("scope", Scopes.format(token.scopes()));
        }
        response.put("client_id", token.clientId());
        response.put("sub", token.userId());
        response.put("exp", token.expiresAt().getEpochSecond());
        response.put("iat", token.issuedAt().getEpochSecond());
        response.put("aud", token.audience());
        response.put("iss", engine.config().issuer());
        response.put("jti", token.tokenId());
        response.put("token_type", "Bearer");
        return response;
    }

    private Map<String, Object> describe(Grant grant) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("active", true);
        if (!grant.scopes().isEmpty()) {
            response.put("scope", Scopes.format(grant.scopes()));
        }
        response.put("client_id", grant.clientId());
        response.put("sub", grant.userId());
        response.put("aud", grant.resource());
        response.put("iss", engine.config().issuer());
        response.put("token_type", "refresh_token");
        return response;
    }

    private static Map<String, Object> inactive() {
        return Map.of("active", false);
    }
}
