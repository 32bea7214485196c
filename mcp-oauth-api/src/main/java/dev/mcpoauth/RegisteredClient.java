package dev.mcpoauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A client registered through dynamic client registration
 * (<a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1">RFC 7591 §3.2.1</a>).
 *
 * <p>The client secret is never held: only its hash, which stores keep as they receive it.
 *
 * @param clientId          the server-issued identifier, never blank
 * @param secretHash        the hash of the client secret; present exactly when {@code authMethod} uses one
 * @param issuedAt          when the client was registered ({@code client_id_issued_at})
 * @param secretExpiresAt   when the secret stops working; empty when it never expires
 * @param redirectUris      the exact redirect URIs the client may use, at least one, in registration order
 * @param grantTypes        the grant types the client may use, e.g. {@code authorization_code}
 * @param authMethod        how the client authenticates at the token endpoint
 * @param scopes            the scopes the client may ask for
 * @param clientName        the human-readable name shown on the login page, if the client gave one
 * @param clientUri         the client's home page, if given
 * @param logoUri           the client's logo, if given
 */
public record RegisteredClient(String clientId,
                               Optional<String> secretHash,
                               Instant issuedAt,
                               Optional<Instant> secretExpiresAt,
                               List<String> redirectUris,
                               List<String> grantTypes,
                               ClientAuthMethod authMethod,
                               Set<String> scopes,
                               Optional<String> clientName,
                               Optional<String> clientUri,
                               Optional<String> logoUri) {

    /** Validates the invariants and copies the collections. */
    public RegisteredClient {
        Values.requireNonBlank(clientId, "clientId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(secretExpiresAt, "secretExpiresAt");
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
        Objects.requireNonNull(authMethod, "authMethod");
        scopes = Values.orderedCopy(scopes);
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientUri, "clientUri");
        Objects.requireNonNull(logoUri, "logoUri");
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one redirect URI");
        }
        if (authMethod.usesSecret() != secretHash.isPresent()) {
            throw new IllegalArgumentException("a secret hash is required exactly when the auth method is "
                    + "client_secret_post or client_secret_basic, but the method is " + authMethod.wireValue());
        }
    }

    /** Whether this client is public ({@code token_endpoint_auth_method=none}). */
    public boolean isPublic() {
        return authMethod == ClientAuthMethod.NONE;
    }

    /** Keeps the secret hash out of logs. */
    @Override
    public String toString() {
        return "RegisteredClient[clientId=" + clientId + ", authMethod=" + authMethod.wireValue()
                + ", redirectUris=" + redirectUris + ", scopes=" + scopes + "]";
    }
}
