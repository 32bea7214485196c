package dev.mcpoauth.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents: authorization server metadata (RFC 8414 §2) and protected resource
 * metadata (RFC 9728 §2). They advertise only what the engine really does, and
 * {@code authorization_servers[0]} is the issuer string itself, byte for byte.
 */
final class Metadata {

    /** The endpoint paths, relative to the issuer. */
    public static final String AUTHORIZE = "/authorize";
    /** Token endpoint path. */
    public static final String TOKEN = "/token";
    /** Registration endpoint path. */
    public static final String REGISTER = "/register";
    /** Revocation endpoint path. */
    public static final String REVOKE = "/revoke";
    /** Introspection endpoint path. */
    public static final String INTROSPECT = "/introspect";
    /** JWKS path. */
    public static final String JWKS = "/jwks";

    private Metadata() {
    }

    /** The authorization server metadata (RFC 8414 §2), served at {@code /.well-known/oauth-authorization-server}. */
    public static Map<String, Object> authorizationServer(ServerConfig config, GrantHandlers grants,
                                                          ClientAuthentications clientAuthentications) {
        List<String> authMethods = clientAuthentications.wireValues();
        String issuer = config.issuer();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + AUTHORIZE);
        metadata.put("token_endpoint", issuer + TOKEN);
        metadata.put("registration_endpoint", issuer + REGISTER);
        metadata.put("revocation_endpoint", issuer + REVOKE);
        metadata.put("introspection_endpoint", issuer + INTROSPECT);
        metadata.put("jwks_uri", issuer + JWKS);
        // With offline_access, which clients MAY then ask for (MCP 2026-07-28 "Refresh Tokens").
        metadata.put("scopes_supported", List.copyOf(Scopes.grantable(config.supportedScopes())));
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("grant_types_supported", grants.grantTypes());
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", authMethods);
        metadata.put("revocation_endpoint_auth_methods_supported", authMethods);
        // Introspection answers confidential clients only.
        metadata.put("introspection_endpoint_auth_methods_supported",
                authMethods.stream().filter(m -> !m.equals("none")).toList());
        metadata.put("authorization_response_iss_parameter_supported", true);
        if (config.clientMetadataDocuments()) {
            // MCP 2025-11-25: a client_id may be the https URL of a Client ID Metadata Document.
            metadata.put("client_id_metadata_document_supported", true);
        }
        return metadata;
    }

    /** The protected resource metadata of the MCP endpoint (RFC 9728 §2). */
    public static Map<String, Object> protectedResource(ServerConfig config, String appName) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", config.resource());
        metadata.put("authorization_servers", List.of(config.issuer()));
        // Never offline_access: refresh tokens are no resource requirement (MCP 2026-07-28 "Refresh Tokens").
        metadata.put("scopes_supported", List.copyOf(Scopes.ofResource(config.supportedScopes())));
        metadata.put("bearer_methods_supported", List.of("header"));
        metadata.put("resource_name", appName);
        return metadata;
    }
}
