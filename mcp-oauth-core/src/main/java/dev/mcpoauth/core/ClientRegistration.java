package dev.mcpoauth.core;

import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RegisteredClient;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dynamic client registration (<a href="https://www.rfc-editor.org/rfc/rfc7591">RFC 7591</a>):
 * validates the metadata, saves the client with a hashed secret, and answers with the client
 * information, the secret included exactly once. Unknown fields are ignored.
 *
 * <p>{@code application_type} ({@link ApplicationType}) chooses the redirect URI rules; it is checked
 * here and echoed in the response, not stored: redirect URIs cannot change after registration, so
 * nothing later depends on it. {@code scope} may hold {@link Scopes#OFFLINE_ACCESS} besides the
 * supported scopes.
 */
final class ClientRegistration {

    private static final int MAX_REDIRECT_URIS = 20;
    private static final int MAX_NAME_LENGTH = 200;
    private static final System.Logger LOG = System.getLogger(ClientRegistration.class.getName());

    private final Engine engine;
    private final ClientCap cap;
    private final GrantHandlers grants;
    private final ClientAuthentications authMethods;

    /** Creates the handler. */
    public ClientRegistration(Engine engine, ClientCap cap, GrantHandlers grants, ClientAuthentications authMethods) {
        this.engine = engine;
        this.cap = cap;
        this.grants = grants;
        this.authMethods = authMethods;
    }

    /**
     * Registers a client.
     *
     * @param metadata the parsed registration request
     * @return the client information response (RFC 7591 §3.2.1), sent with status 201
     * @throws OAuthException {@code invalid_redirect_uri} or {@code invalid_client_metadata}
     */
    public Map<String, Object> register(Map<String, Object> metadata) {
        Optional<ApplicationType> applicationType = string(metadata, "application_type")
                .map(value -> ApplicationType.fromWireValue(value).orElseThrow(() -> invalid(
                        "application_type must be native or web")));
        List<String> redirectUris = redirectUris(metadata.get("redirect_uris"));
        for (String uri : redirectUris) {
            applicationType.flatMap(type -> type.problem(uri)).ifPresent(problem -> {
                throw new OAuthException(OAuthErrorCode.INVALID_REDIRECT_URI, problem);
            });
            if (!RedirectHosts.allows(engine.config().allowedRedirectHosts(), uri)) {
                throw new OAuthException(OAuthErrorCode.INVALID_REDIRECT_URI,
                        "this server does not send authorization codes to that host: " + uri);
            }
        }
        ClientAuthMethod method = string(metadata, "token_endpoint_auth_method")
                .map(value -> authMethods.supported(value).orElseThrow(() -> invalid(
                        "token_endpoint_auth_method must be one of " + String.join(", ", authMethods.wireValues()))))
                .orElse(ClientAuthMethod.CLIENT_SECRET_BASIC);
        List<String> grantTypes = grantTypes(metadata.get("grant_types"));
        checkResponseTypes(metadata.get("response_types"));
        Set<String> scopes = scopes(metadata);
        Optional<String> clientName = string(metadata, "client_name");
        if (clientName.filter(name -> name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl))
                .isPresent()) {
            throw invalid("client_name must have at most " + MAX_NAME_LENGTH + " characters and no control characters");
        }
        Optional<String> clientUri = webUrl(metadata, "client_uri");
        Optional<String> logoUri = webUrl(metadata, "logo_uri");

        Instant now = engine.now();
        cap.makeRoom(now);
        String clientId = Secrets.newId();
        Optional<String> secret = method.usesSecret() ? Optional.of(Secrets.newSecret()) : Optional.empty();
        RegisteredClient client = new RegisteredClient(clientId, secret.map(Secrets::hash), now, Optional.empty(),
                redirectUris, grantTypes, method, scopes, clientName, clientUri, logoUri);
        engine.store().saveClient(client);
        ApplicationType describedType = applicationType.orElseGet(() -> ApplicationType.describing(redirectUris));
        LOG.log(System.Logger.Level.INFO, "registered client {0} ({1}, {2}, {3}{4}) for redirect URIs {5}",
                clientId, clientName.orElse("unnamed"), method.wireValue(), describedType.wireValue(),
                applicationType.isPresent() ? "" : " inferred", redirectUris);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("client_id", clientId);
        response.put("client_id_issued_at", now.getEpochSecond());
        secret.ifPresent(s -> {
            response.put("client_secret", s);
            response.put("client_secret_expires_at", 0L); // 0: never expires (RFC 7591 §3.2.1)
        });
        response.put("redirect_uris", redirectUris);
        response.put("token_endpoint_auth_method", method.wireValue());
        response.put("grant_types", grantTypes);
        response.put("response_types", List.of("code"));
        response.put("application_type", describedType.wireValue());
        if (!scopes.isEmpty()) {
            response.put("scope", Scopes.format(scopes));
        }
        clientName.ifPresent(name -> response.put("client_name", name));
        clientUri.ifPresent(uri -> response.put("client_uri", uri));
        logoUri.ifPresent(uri -> response.put("logo_uri", uri));
        return response;
    }

    private static List<String> redirectUris(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new OAuthException(OAuthErrorCode.INVALID_REDIRECT_URI,
                    "redirect_uris must be a non-empty array of URIs");
        }
        if (list.size() > MAX_REDIRECT_URIS) {
            throw new OAuthException(OAuthErrorCode.INVALID_REDIRECT_URI,
                    "at most " + MAX_REDIRECT_URIS + " redirect URIs may be registered");
        }
        Set<String> uris = new LinkedHashSet<>();
        for (Object item : list) {
            if (!(item instanceof String uri)) {
                throw new OAuthException(OAuthErrorCode.INVALID_REDIRECT_URI, "redirect_uris must hold strings");
            }
            RedirectUris.problem(uri).ifPresent(problem -> {
                throw new OAuthException(OAuthErrorCode.INVALID_REDIRECT_URI, problem);
            });
            uris.add(uri);
        }
        return List.copyOf(uris);
    }

    private List<String> grantTypes(Object value) {
        if (value == null) {
            return grants.defaultClientGrantTypes();
        }
        List<String> types = List.copyOf(new LinkedHashSet<>(strings(value, "grant_types")));
        grants.problemWithClientGrantTypes(types).ifPresent(problem -> {
            throw invalid(problem);
        });
        return types;
    }

    private static void checkResponseTypes(Object value) {
        if (value != null && !strings(value, "response_types").stream().allMatch("code"::equals)) {
            throw invalid("response_types may only hold code");
        }
    }

    private Set<String> scopes(Map<String, Object> metadata) {
        Optional<String> requested = string(metadata, "scope").filter(s -> !s.isBlank());
        if (requested.isEmpty()) {
            // Omitted (ChatGPT does): the client may ask for every supported scope.
            return engine.config().supportedScopes();
        }
        Set<String> scopes;
        try {
            scopes = Scopes.parse(requested.get());
        } catch (IllegalArgumentException e) {
            throw invalid("scope " + e.getMessage());
        }
        Set<String> unsupported = new LinkedHashSet<>(scopes);
        unsupported.removeAll(Scopes.grantable(engine.config().supportedScopes()));
        if (!unsupported.isEmpty()) {
            throw invalid("scope holds scopes this server does not support: " + Scopes.format(unsupported)
                    + "; supported: " + Scopes.format(engine.config().supportedScopes()));
        }
        return scopes;
    }

    private static List<String> strings(Object value, String name) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw invalid(name + " must be an array of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static Optional<String> string(Map<String, Object> metadata, String name) {
        Object value = metadata.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw invalid(name + " must be a string");
        }
        return Optional.of(text);
    }

    private static Optional<String> webUrl(Map<String, Object> metadata, String name) {
        Optional<String> value = string(metadata, name).filter(s -> !s.isEmpty());
        value.ifPresent(url -> {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
                if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                        || url.length() > 2000) {
                    throw invalid(name + " must be an http or https URL");
                }
            } catch (URISyntaxException e) {
                throw invalid(name + " must be an http or https URL");
            }
        });
        return value;
    }

    private static OAuthException invalid(String description) {
        return new OAuthException(OAuthErrorCode.INVALID_CLIENT_METADATA, description);
    }
}
