package dev.mcpoauth;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a client authenticates at the token, revocation and introspection endpoints
 * (<a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>,
 * {@code token_endpoint_auth_method}).
 */
public enum ClientAuthMethod {
    /** A public client: sends only its {@code client_id}; PKCE is its proof. */
    NONE("none"),
    /** {@code client_id} and {@code client_secret} in the form body. */
    CLIENT_SECRET_POST("client_secret_post"),
    /** {@code client_id} and {@code client_secret} in an HTTP Basic {@code Authorization} header. */
    CLIENT_SECRET_BASIC("client_secret_basic");

    private final String wireValue;

    ClientAuthMethod(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as registered and advertised, e.g. {@code client_secret_basic}. */
    public String wireValue() {
        return wireValue;
    }

    /** Whether a client registered with this method holds a secret. */
    public boolean usesSecret() {
        return this != NONE;
    }

    /**
     * Parses a wire value.
     *
     * @param wireValue the registered value, e.g. {@code none}
     * @return the method, or empty when the value names no supported method
     */
    public static Optional<ClientAuthMethod> fromWireValue(String wireValue) {
        return Arrays.stream(values()).filter(m -> m.wireValue.equals(wireValue)).findFirst();
    }
}
