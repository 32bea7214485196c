package dev.mcpoauth.core;

import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RegisteredClient;

import java.util.Map;
import java.util.Optional;

/**
 * Authenticates the client at the token, revocation and introspection endpoints (RFC 6749 §2.3): the
 * one {@link ClientAuthentication} method the request uses ({@link ClientAuthentications}) must be the
 * one the client registered, and its secret, for the methods that have one, must match.
 *
 * <p>Every failure is {@code invalid_client} with a description that does not say which part was
 * wrong; the reason goes to the log at DEBUG.
 */
final class ClientAuthenticator {

    private final Engine engine;
    private final ClientDirectory clients;
    private final ClientAuthentications methods;

    /** Creates the authenticator. */
    public ClientAuthenticator(Engine engine, ClientDirectory clients, ClientAuthentications methods) {
        this.engine = engine;
        this.clients = clients;
        this.methods = methods;
    }

    /**
     * Authenticates the client of a request.
     *
     * @param form          the form parameters
     * @param authorization the {@code Authorization} header, if any; schemes other than Basic are ignored
     * @return the authenticated client
     * @throws OAuthException {@code invalid_client}, or {@code invalid_request} when two methods are used at once
     */
    public RegisteredClient authenticate(Map<String, String> form, Optional<String> authorization) {
        ClientAuthentication.Presented presented = methods.read(form, authorization);
        String clientId = presented.clientId();
        RegisteredClient client = clients.find(clientId)
                .orElseThrow(() -> ClientAuthentications.failure("unknown client " + Logs.quote(clientId)));
        if (presented.method() != client.authMethod()) {
            throw ClientAuthentications.failure("client " + clientId + " used " + presented.method().wireValue()
                    + " but registered " + client.authMethod().wireValue());
        }
        if (presented.method().usesSecret()) {
            // Both sides are hashes of equal length, compared in constant time.
            boolean matches = Secrets.constantTimeEquals(Secrets.hash(presented.secret().orElseThrow()),
                    client.secretHash().orElseThrow());
            boolean expired = client.secretExpiresAt().filter(at -> !engine.now().isBefore(at)).isPresent();
            if (!matches || expired) {
                throw ClientAuthentications.failure("wrong or expired secret for client " + clientId);
            }
        }
        return client;
    }
}
