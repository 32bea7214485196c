package dev.mcpoauth.core;

import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RegisteredClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates the client at the token, revocation and introspection endpoints (RFC 6749 §2.3):
 * {@code none} (only {@code client_id} in the body), {@code client_secret_post} and
 * {@code client_secret_basic}. A client must use the method it registered, and only one.
 *
 * <p>Every failure is {@code invalid_client} with a description that does not say which part was
 * wrong; the reason goes to the log at DEBUG.
 */
final class ClientAuthenticator {

    private static final System.Logger LOG = System.getLogger(ClientAuthenticator.class.getName());

    private final Engine engine;
    private final ClientDirectory clients;

    /** Creates the authenticator. */
    public ClientAuthenticator(Engine engine, ClientDirectory clients) {
        this.engine = engine;
        this.clients = clients;
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
        Optional<String[]> basic = authorization.flatMap(ClientAuthenticator::basicCredentials);
        Optional<String> bodyId = Params.optional(form, "client_id");
        Optional<String> bodySecret = Params.optional(form, "client_secret");
        if (basic.isPresent() && bodySecret.isPresent()) {
            throw new OAuthException(OAuthErrorCode.INVALID_REQUEST,
                    "use one client authentication method, not both client_secret_basic and client_secret_post");
        }
        if (basic.isPresent() && bodyId.isPresent() && !bodyId.get().equals(basic.get()[0])) {
            throw failure("client_id in the body differs from the one in the Authorization header");
        }
        String clientId = basic.map(c -> c[0]).or(() -> bodyId)
                .orElseThrow(() -> failure("no client_id and no client credentials sent"));
        RegisteredClient client = clients.find(clientId)
                .orElseThrow(() -> failure("unknown client " + Logs.quote(clientId)));
        ClientAuthMethod used = basic.isPresent() ? ClientAuthMethod.CLIENT_SECRET_BASIC
                : bodySecret.isPresent() ? ClientAuthMethod.CLIENT_SECRET_POST : ClientAuthMethod.NONE;
        if (used != client.authMethod()) {
            throw failure("client " + clientId + " used " + used.wireValue() + " but registered "
                    + client.authMethod().wireValue());
        }
        if (used.usesSecret()) {
            String presented = basic.map(c -> c[1]).or(() -> bodySecret).orElseThrow();
            // Both sides are hashes of equal length, compared in constant time.
            boolean matches = Secrets.constantTimeEquals(Secrets.hash(presented), client.secretHash().orElseThrow());
            boolean expired = client.secretExpiresAt().filter(at -> !engine.now().isBefore(at)).isPresent();
            if (!matches || expired) {
                throw failure("wrong or expired secret for client " + clientId);
            }
        }
        return client;
    }

    /** The decoded {@code [client_id, client_secret]} of a Basic header, or empty for another scheme. */
    private static Optional<String[]> basicCredentials(String header) {
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(trimmed.substring(space + 1).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw failure("the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw failure("the Basic credentials have no client_id:client_secret form");
        }
        try {
            // RFC 6749 §2.3.1: both parts are form-encoded before base64.
            return Optional.of(new String[] {QueryStrings.decode(decoded.substring(0, colon)),
                    QueryStrings.decode(decoded.substring(colon + 1))});
        } catch (IllegalArgumentException e) {
            throw failure("the Basic credentials are not form-encoded");
        }
    }

    private static OAuthException failure(String reason) {
        LOG.log(System.Logger.Level.DEBUG, "client authentication failed: {0}", reason);
        return new OAuthException(OAuthErrorCode.INVALID_CLIENT, "client authentication failed");
    }
}
