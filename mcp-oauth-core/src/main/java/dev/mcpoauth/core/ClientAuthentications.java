package dev.mcpoauth.core;

import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The client authentication methods the server accepts, each registered once: {@link ClientAuthenticator}
 * asks every one whether a request uses it, and the metadata and registration read the supported
 * methods from here.
 */
final class ClientAuthentications {

    private static final System.Logger LOG = System.getLogger(ClientAuthentications.class.getName());

    private final List<ClientAuthentication> methods;

    private ClientAuthentications(List<ClientAuthentication> methods) {
        this.methods = List.copyOf(methods);
    }

    /** {@code none}, {@code client_secret_post} and {@code client_secret_basic}, in the order advertised. */
    static ClientAuthentications standard() {
        return new ClientAuthentications(List.of(new PublicClient(), new ClientSecretPost(), new ClientSecretBasic()));
    }

    /** The wire values of the supported methods, in the order advertised. */
    List<String> wireValues() {
        return methods.stream().map(m -> m.method().wireValue()).toList();
    }

    /** The supported method of this wire value, if any. */
    Optional<ClientAuthMethod> supported(String wireValue) {
        return methods.stream().map(ClientAuthentication::method).filter(m -> m.wireValue().equals(wireValue))
                .findFirst();
    }

    /**
     * The credentials a request presents, by the one method it uses.
     *
     * @throws OAuthException {@code invalid_request} when it uses two methods at once, {@code invalid_client}
     *                        when it uses none or presents malformed credentials
     */
    ClientAuthentication.Presented read(Map<String, String> form, Optional<String> authorization) {
        List<ClientAuthentication> used = methods.stream().filter(m -> m.usedBy(form, authorization)).toList();
        if (used.size() > 1) {
            throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "use one client authentication method, not both "
                    + String.join(" and ", used.stream().map(m -> m.method().wireValue()).toList()));
        }
        return used.stream().findFirst().orElseThrow(() -> failure("no client_id and no client credentials sent"))
                .read(form, authorization);
    }

    /** The reason goes to the log at DEBUG; the client learns only that authentication failed. */
    static OAuthException failure(String reason) {
        LOG.log(System.Logger.Level.DEBUG, "client authentication failed: {0}", reason);
        return new OAuthException(OAuthErrorCode.INVALID_CLIENT, "client authentication failed");
    }

    /** {@code none}: only {@code client_id} in the body, no secret and no Basic header; PKCE is the proof. */
    private static final class PublicClient implements ClientAuthentication {
        @Override
        public ClientAuthMethod method() {
            return ClientAuthMethod.NONE;
        }

        @Override
        public boolean usedBy(Map<String, String> form, Optional<String> authorization) {
            return Params.optional(form, "client_id").isPresent() && Params.optional(form, "client_secret").isEmpty()
                    && !ClientSecretBasic.isBasic(authorization);
        }

        @Override
        public Presented read(Map<String, String> form, Optional<String> authorization) {
            return new Presented(method(), Params.required(form, "client_id"), Optional.empty());
        }
    }

    /** {@code client_secret_post}: {@code client_id} and {@code client_secret} in the body. */
    private static final class ClientSecretPost implements ClientAuthentication {
        @Override
        public ClientAuthMethod method() {
            return ClientAuthMethod.CLIENT_SECRET_POST;
        }

        @Override
        public boolean usedBy(Map<String, String> form, Optional<String> authorization) {
            return Params.optional(form, "client_secret").isPresent();
        }

        @Override
        public Presented read(Map<String, String> form, Optional<String> authorization) {
            String id = Params.optional(form, "client_id")
                    .orElseThrow(() -> failure("no client_id and no client credentials sent"));
            return new Presented(method(), id, Params.optional(form, "client_secret"));
        }
    }

    /**
     * {@code client_secret_basic}: an HTTP Basic header with the form-encoded id and secret (RFC 6749
     * §2.3.1); a {@code client_id} in the body, if any, must be the same. Other schemes are ignored.
     */
    private static final class ClientSecretBasic implements ClientAuthentication {
        @Override
        public ClientAuthMethod method() {
            return ClientAuthMethod.CLIENT_SECRET_BASIC;
        }

        @Override
        public boolean usedBy(Map<String, String> form, Optional<String> authorization) {
            return isBasic(authorization);
        }

        @Override
        public Presented read(Map<String, String> form, Optional<String> authorization) {
            String[] credentials = decode(authorization.orElseThrow().trim());
            String id = credentials[0];
            if (Params.optional(form, "client_id").filter(bodyId -> !bodyId.equals(id)).isPresent()) {
                throw failure("client_id in the body differs from the one in the Authorization header");
            }
            return new Presented(method(), id, Optional.of(credentials[1]));
        }

        /** Whether the header uses the Basic scheme; other schemes are not client authentication. */
        static boolean isBasic(Optional<String> authorization) {
            return authorization.map(String::trim).filter(h -> h.indexOf(' ') > 0
                    && h.substring(0, h.indexOf(' ')).toLowerCase(Locale.ROOT).equals("basic")).isPresent();
        }

        /** The decoded {@code [client_id, client_secret]} of a Basic header. */
        private static String[] decode(String trimmed) {
            int space = trimmed.indexOf(' ');
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
                return new String[] {QueryStrings.decode(decoded.substring(0, colon)),
                        QueryStrings.decode(decoded.substring(colon + 1))};
            } catch (IllegalArgumentException e) {
                throw failure("the Basic credentials are not form-encoded");
            }
        }
    }
}
