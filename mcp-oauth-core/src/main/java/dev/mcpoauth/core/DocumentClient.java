package dev.mcpoauth.core;

import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.RegisteredClient;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a fetched Client ID Metadata Document and turns it into the client it describes. The rules:
 * {@code client_id} equals the URL it was fetched from, byte for byte; {@code redirect_uris} is a
 * non-empty array of acceptable redirect URIs (the same rules as registration, and the server's
 * allow-list), and those of its {@code application_type} when it names one ({@code native} or
 * {@code web}; any other value is refused); {@code token_endpoint_auth_method} is absent or {@code none} (a published document
 * cannot hold a shared secret); {@code grant_types} and {@code response_types}, when present, stay
 * within the code flow; {@code client_name} is short and has no control characters. Scopes the
 * server does not support are ignored, since one document serves many servers ({@code offline_access}
 * is kept). Unknown members are ignored.
 */
final class DocumentClient {

    private static final int MAX_REDIRECT_URIS = 20;
    private static final int MAX_NAME_LENGTH = 200;

    private DocumentClient() {
    }

    static RegisteredClient from(String url, Map<String, Object> document, ServerConfig config, GrantHandlers grants,
                                 Instant now) {
        if (!url.equals(document.get("client_id"))) {
            throw new DocumentException("the document's client_id is not the URL it was fetched from");
        }
        Optional<ApplicationType> type = text(document, "application_type").map(value -> ApplicationType
                .fromWireValue(value).orElseThrow(() -> new DocumentException("application_type must be native or web")));
        List<String> redirectUris = redirectUris(document.get("redirect_uris"), config, type);
        Object method = document.get("token_endpoint_auth_method");
        if (method != null && !"none".equals(method)) {
            throw new DocumentException("token_endpoint_auth_method must be none: a published document holds no secret");
        }
        List<String> grantTypes = strings(document.get("grant_types"), "grant_types", grants.defaultClientGrantTypes());
        grants.problemWithClientGrantTypes(grantTypes).ifPresent(problem -> {
            throw new DocumentException(problem);
        });
        if (!List.of("code").containsAll(strings(document.get("response_types"), "response_types", List.of("code")))) {
            throw new DocumentException("response_types may only hold code");
        }
        Optional<String> name = text(document, "client_name");
        if (name.filter(n -> n.length() > MAX_NAME_LENGTH || n.chars().anyMatch(Character::isISOControl)).isPresent()) {
            throw new DocumentException("client_name must have at most " + MAX_NAME_LENGTH
                    + " characters and no control characters");
        }
        Set<String> scopes = config.supportedScopes();
        Optional<String> scope = text(document, "scope").filter(s -> !s.isBlank());
        if (scope.isPresent()) {
            try {
                scopes = Scopes.intersect(Scopes.parse(scope.get()), Scopes.grantable(config.supportedScopes()));
            } catch (IllegalArgumentException e) {
                throw new DocumentException("scope is not a valid scope list");
            }
        }
        return new RegisteredClient(url, Optional.empty(), now, Optional.empty(), redirectUris,
                List.copyOf(new LinkedHashSet<>(grantTypes)), ClientAuthMethod.NONE, scopes, name,
                webUrl(document, "client_uri"), webUrl(document, "logo_uri"));
    }

    private static List<String> redirectUris(Object value, ServerConfig config, Optional<ApplicationType> type) {
        List<String> uris = strings(value, "redirect_uris", List.of());
        if (uris.isEmpty() || uris.size() > MAX_REDIRECT_URIS) {
            throw new DocumentException("redirect_uris must hold 1 to " + MAX_REDIRECT_URIS + " URIs");
        }
        for (String uri : uris) {
            if (RedirectUris.problem(uri).or(() -> type.flatMap(t -> t.problem(uri))).isPresent()) {
                throw new DocumentException("redirect_uris holds a URI this server does not accept");
            }
            if (!RedirectHosts.allows(config.allowedRedirectHosts(), uri)) {
                throw new DocumentException("redirect_uris holds a host this server does not send codes to");
            }
        }
        return List.copyOf(new LinkedHashSet<>(uris));
    }

    private static List<String> strings(Object value, String name, List<String> absent) {
        if (value == null) {
            return absent;
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new DocumentException(name + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        list.forEach(item -> out.add((String) item));
        return out;
    }

    private static Optional<String> text(Map<String, Object> document, String name) {
        Object value = document.get(name);
        if (value != null && !(value instanceof String)) {
            throw new DocumentException(name + " must be a string");
        }
        return Optional.ofNullable((String) value);
    }

    /** An optional http(s) URL for display; a malformed one is dropped, not refused. */
    private static Optional<String> webUrl(Map<String, Object> document, String name) {
        return text(document, name).filter(url -> {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && url.length() <= 2000;
            } catch (URISyntaxException e) {
                return false;
            }
        });
    }
}
