package dev.mcpoauth.helidon;

import dev.mcpoauth.core.AuthorizationServer;
import io.helidon.webserver.http.HttpRules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The discovery documents, open to every origin: protected resource metadata (RFC 9728) at the
 * root and path-inserted well-known URLs, authorization server metadata (RFC 8414) and the JWKS.
 * With a public base URL that has a path ({@code https://example.com/tools}), also at the
 * well-known URLs with that path inserted, {@code /.well-known/oauth-authorization-server/tools} and
 * {@code /.well-known/oauth-protected-resource/tools/mcp}, for the proxy to forward from the origin.
 * {@code /.well-known/openid-configuration} answers 404: this server is not an OpenID provider, and
 * an incomplete document would fail the clients' schema checks.
 */
final class DiscoveryRoutes {

    static final String PRM = "/.well-known/oauth-protected-resource";
    static final String AS_METADATA = "/.well-known/oauth-authorization-server";
    static final String OPENID = "/.well-known/openid-configuration";
    static final String JWKS = "/jwks";
    private static final String METHODS = "GET, HEAD, OPTIONS";

    private DiscoveryRoutes() {
    }

    /**
     * Registers the documents.
     *
     * @param basePath the public base URL's path, e.g. {@code /tools}, or empty
     * @param mcpPath  the MCP endpoint's path
     */
    static void register(HttpRules rules, String basePath, String mcpPath, EngineRef engine, Guarded guarded) {
        document(rules, PRM, engine, guarded, AuthorizationServer::protectedResourceMetadata);
        document(rules, PRM + mcpPath, engine, guarded, AuthorizationServer::protectedResourceMetadata);
        document(rules, AS_METADATA, engine, guarded, AuthorizationServer::authorizationServerMetadata);
        if (!basePath.isEmpty()) {
            // Behind a proxy under a path: the proxy forwards the origin's path-inserted well-known URLs
            // (RFC 8414 §3.1, RFC 9728 §3.1) as they are, while it strips the prefix from everything else.
            document(rules, PRM + basePath + mcpPath, engine, guarded, AuthorizationServer::protectedResourceMetadata);
            document(rules, AS_METADATA + basePath, engine, guarded, AuthorizationServer::authorizationServerMetadata);
        }
        document(rules, JWKS, engine, guarded, AuthorizationServer::jwks);
        Routes.at(rules, OPENID)
                .get(guarded.json((req, res) -> {
                    Cors.anyOrigin(res);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("error", "not_found");
                    body.put("error_description", "this server is not an OpenID provider; use " + AS_METADATA);
                    Responses.json(res, 404, body);
                }))
                .options(Cors.preflightAnyOrigin(METHODS))
                .otherwise(METHODS);
    }

    private static void document(HttpRules rules, String path, EngineRef engine, Guarded guarded,
                                 Function<AuthorizationServer, Map<String, Object>> document) {
        Routes.at(rules, path)
                .get(guarded.json((req, res) -> {
                    Cors.anyOrigin(res);
                    Responses.metadata(res, document.apply(engine.require()));
                }))
                .options(Cors.preflightAnyOrigin(METHODS))
                .otherwise(METHODS);
    }
}
