package dev.mcpoauth.helidon;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerResponse;

/**
 * CORS for browser-based MCP clients such as the MCP Inspector: discovery, keys, registration, token
 * and revocation answer any origin ({@code *}), since they use no cookies and every credential
 * travels in a header or the body; the MCP endpoint reflects only origins its Origin policy allows.
 * {@code /authorize} and the login page get no CORS at all: they are top-level navigations.
 */
final class Cors {

    /** The request headers MCP clients send: bearer tokens, JSON bodies and the MCP headers. */
    static final String ALLOW_HEADERS = "Authorization, Content-Type, MCP-Protocol-Version, Mcp-Session-Id, Last-Event-ID";
    /** The response headers a browser client must be able to read. */
    static final String EXPOSE_HEADERS = "WWW-Authenticate, Mcp-Session-Id";
    /** How long a browser may reuse a preflight answer, in seconds. */
    static final String MAX_AGE = "600";

    private Cors() {
    }

    /** Lets every origin read the response. */
    static void anyOrigin(ServerResponse res) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
    }

    /** Lets exactly {@code origin} read the response; caches must key on Origin. */
    static void reflect(ServerResponse res, String origin) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        res.header(HeaderNames.VARY, "Origin");
        res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
    }

    /** Adds the preflight answer headers for {@code methods} (also the {@code Allow} of a plain OPTIONS). */
    static void preflightHeaders(ServerResponse res, String methods) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, methods);
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS);
        res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
        res.header(HeaderNames.ALLOW, methods);
    }

    /** The OPTIONS handler of an endpoint open to any origin: 204 with the preflight headers. */
    static Handler preflightAnyOrigin(String methods) {
        return (req, res) -> {
            anyOrigin(res);
            preflightHeaders(res, methods);
            res.status(Status.NO_CONTENT_204).send();
        };
    }
}
