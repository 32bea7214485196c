package dev.mcpoauth.core;

import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RegisteredClient;

import java.util.Map;

/**
 * One grant type of the token endpoint (RFC 6749 §4, §6): takes the form of a token request whose
 * client is already authenticated and answers with a token response, knowing nothing of HTTP.
 * Spring Authorization Server cuts its token endpoint the same way, one provider per grant.
 *
 * <p>A new grant type is one class implementing this, plus its line in {@link AuthorizationServer}'s
 * list of handlers; the metadata, registration and Client ID Metadata Document checks read the
 * supported grant types from {@link GrantHandlers}. Implementations are thread safe.
 */
interface GrantHandler {

    /** The {@code grant_type} value this handler answers, e.g. {@code refresh_token}. */
    String grantType();

    /**
     * Answers a token request of this grant type; {@link GrantHandlers} has checked that the client
     * registered it.
     *
     * @param client the authenticated client
     * @param form   the form parameters of the request
     * @return the token response (RFC 6749 §5.1), never containing null
     * @throws OAuthException with the RFC 6749 §5.2 error of the failure
     */
    Map<String, Object> grant(RegisteredClient client, Map<String, String> form);
}
