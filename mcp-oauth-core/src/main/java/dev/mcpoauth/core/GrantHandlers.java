package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RegisteredClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grant types the token endpoint serves, each registered once with its {@link GrantHandler}: the
 * token endpoint dispatches through it, and the metadata ({@code grant_types_supported}), client
 * registration and Client ID Metadata Documents read from it which grant types exist.
 */
final class GrantHandlers {

    /** The grant every redirect-based client (registered or described by a document) must have. */
    static final String AUTHORIZATION_CODE = "authorization_code";
    /** The grant that keeps a client signed in. */
    static final String REFRESH_TOKEN = "refresh_token";

    private final Map<String, GrantHandler> byType = new LinkedHashMap<>();

    /**
     * Registers the handlers, in the order the metadata lists them.
     *
     * @throws IllegalArgumentException when two handlers answer the same grant type
     */
    GrantHandlers(List<GrantHandler> handlers) {
        for (GrantHandler handler : handlers) {
            if (byType.putIfAbsent(handler.grantType(), handler) != null) {
                throw new IllegalArgumentException("two handlers for grant_type " + handler.grantType());
            }
        }
    }

    /** The supported grant types, in registration order. */
    List<String> grantTypes() {
        return List.copyOf(byType.keySet());
    }

    /**
     * The grant types a client gets when it names none: every supported one (RFC 7591 §2 makes
     * {@code authorization_code} the default; a redirect-based client also needs {@code refresh_token}).
     */
    List<String> defaultClientGrantTypes() {
        return grantTypes();
    }

    /**
     * What is wrong with the grant types a redirect-based client asks for, if anything: it must ask
     * for {@code authorization_code} and only for supported grant types.
     */
    Optional<String> problemWithClientGrantTypes(List<String> requested) {
        if (byType.keySet().containsAll(requested) && requested.contains(AUTHORIZATION_CODE)) {
            return Optional.empty();
        }
        return Optional.of("grant_types must include " + AUTHORIZATION_CODE + " and may include only "
                + String.join(", ", byType.keySet()));
    }

    /**
     * Answers a token request through the handler of its grant type, for a client that registered it.
     *
     * @throws OAuthException {@code unsupported_grant_type} when no handler answers it,
     *                        {@code unauthorized_client} when the client did not register it, or the handler's error
     */
    Map<String, Object> grant(String grantType, RegisteredClient client, Map<String, String> form) {
        GrantHandler handler = byType.get(grantType);
        if (handler == null) {
            throw new OAuthException(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE,
                    "grant_type must be one of " + String.join(", ", byType.keySet()));
        }
        if (!client.grantTypes().contains(grantType)) {
            throw new OAuthException(OAuthErrorCode.UNAUTHORIZED_CLIENT, "the client did not register the "
                    + grantType + " grant");
        }
        return handler.grant(client, form);
    }
}
