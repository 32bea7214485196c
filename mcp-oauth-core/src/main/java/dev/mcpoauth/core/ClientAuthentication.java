package dev.mcpoauth.core;

import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.OAuthException;

import java.util.Map;
import java.util.Optional;

/**
 * One client authentication method at the token, revocation and introspection endpoints (RFC 6749
 * §2.3, RFC 7591 §2 {@code token_endpoint_auth_method}): recognises the credentials of its kind in a
 * request. Checking them against the registered client is {@link ClientAuthenticator}'s job, the same
 * for every method. Spring Authorization Server cuts it the same way (a converter per method).
 *
 * <p>A new method is one class implementing this and its line in {@link ClientAuthentications#standard()};
 * the metadata and registration read the supported methods from there.
 */
interface ClientAuthentication {

    /** The method, as registered and advertised. */
    ClientAuthMethod method();

    /**
     * Whether a request uses this method: only looks at which parameters and headers are present,
     * never fails.
     */
    boolean usedBy(Map<String, String> form, Optional<String> authorization);

    /**
     * The credentials of this method in a request that {@link #usedBy uses} it.
     *
     * @param form          the form parameters
     * @param authorization the {@code Authorization} header, if any
     * @return the client id and secret it presents
     * @throws OAuthException {@code invalid_client} when the credentials are malformed or incomplete
     */
    Presented read(Map<String, String> form, Optional<String> authorization);

    /**
     * What a request presents.
     *
     * @param method   how
     * @param clientId the client it claims to be
     * @param secret   the secret it presents, for the methods that use one
     */
    record Presented(ClientAuthMethod method, String clientId, Optional<String> secret) {
    }
}
