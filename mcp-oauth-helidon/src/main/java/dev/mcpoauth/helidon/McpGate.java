package dev.mcpoauth.helidon;

import dev.mcpoauth.AuthenticatedPrincipal;
import dev.mcpoauth.core.BearerResult;
import dev.mcpoauth.helidon.mcp.OriginPolicy;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What stands in front of the MCP endpoint, on its path only: the CORS preflight (which carries no
 * token and needs none, and is refused with 403 from an origin that is not allowed), then for every
 * other method the bearer check by the engine, then the Origin check. A refused token gets the
 * engine's status and {@code WWW-Authenticate} value exactly (RFC 6750 §3, RFC 9728 §5.1) with its
 * JSON body, whatever the Origin, so that every client's discovery starts (Claude's connector sends
 * {@code Origin: https://claude.ai}); CORS headers only go to allowed origins. An accepted token from
 * an origin that is not allowed gets 403 (the DNS-rebinding defence: a rebinding page holds no token,
 * so it never gets past the 401); from an allowed one, the {@link AuthenticatedPrincipal} goes into
 * the request context under {@link AuthenticatedPrincipal#CONTEXT_KEY} and the request on to the MCP
 * transport.
 */
final class McpGate {

    /** The JSON-RPC error the MCP transport itself sends for a refused Origin, so both look alike. */
    private static final byte[] ORIGIN_REFUSED = ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"
            + "\"message\":\"Origin not allowed\"}}").getBytes(StandardCharsets.UTF_8);

    private final EngineRef engine;
    private final OriginPolicy origins;
    private final String methods;

    McpGate(EngineRef engine, OriginPolicy origins, boolean stateless) {
        this.engine = engine;
        this.origins = origins;
        this.methods = stateless ? "POST, OPTIONS" : "GET, POST, DELETE, OPTIONS";
    }

    /** Registers the preflight and the gate; the MCP transport's own routes must follow. */
    void register(HttpRules rules, String mcpPath, Guarded guarded) {
        rules.route(Method.OPTIONS, PathMatchers.exact(mcpPath), this::preflight);
        rules.route(method -> method != Method.OPTIONS, PathMatchers.exact(mcpPath), guarded.json(this::gate));
    }

    private void preflight(ServerRequest req, ServerResponse res) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (!origins.allows(origin, req.localPeer().port())) {
            refuseOrigin(res);
            return;
        }
        origin.ifPresent(o -> Cors.reflect(res, o));
        Cors.preflightHeaders(res, methods);
        res.status(Status.NO_CONTENT_204).send();
    }

    private void gate(ServerRequest req, ServerResponse res) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        boolean allowedOrigin = origins.allows(origin, req.localPeer().port());
        if (allowedOrigin) {
            origin.ifPresent(o -> Cors.reflect(res, o));
        }
        switch (engine.require().authenticate(req.headers().first(HeaderNames.AUTHORIZATION))) {
            case BearerResult.Authenticated ok -> {
                if (!allowedOrigin) {
                    refuseOrigin(res);
                    return;
                }
                req.context().register(AuthenticatedPrincipal.CONTEXT_KEY, ok.principal());
                res.next();
            }
            case BearerResult.Challenge challenge -> {
                res.header(HeaderNames.WWW_AUTHENTICATE, challenge.wwwAuthenticate());
                Responses.sensitiveJson(res, challenge.status(), challenge.toJson());
            }
        }
    }

    private static void refuseOrigin(ServerResponse res) {
        res.status(Status.FORBIDDEN_403);
        res.header(HeaderNames.CONTENT_TYPE, Responses.APPLICATION_JSON);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(ORIGIN_REFUSED);
    }
}
