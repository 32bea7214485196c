package dev.mcpoauth.helidon.mcp;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;

/**
 * Header names, media types and error rendering shared by the stateful and stateless MCP endpoints.
 *
 * <p>Every error leaves as a JSON-RPC error object (the shape MCP clients parse), with {@code id}
 * {@code null} as JSON-RPC 2.0 prescribes when the request id is unknown; never a stack trace. That
 * object of three fixed fields is written here by hand: the engine's {@code Json} refuses null on
 * purpose, and the SDK's mapper leaves null out ({@code JSONRPCResponse} is {@code NON_ABSENT}), so
 * neither can write {@code "id": null}.
 */
final class McpHttp {

    static final HeaderName SESSION_ID = HeaderNames.create("Mcp-Session-Id");
    static final HeaderName PROTOCOL_VERSION = HeaderNames.create("MCP-Protocol-Version");
    static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
    static final HeaderName X_ACCEL_BUFFERING = HeaderNames.create("X-Accel-Buffering");

    static final String APPLICATION_JSON = "application/json";
    static final String TEXT_EVENT_STREAM = "text/event-stream";

    /** The version a client that sends no {@code MCP-Protocol-Version} header is assumed to speak (spec 2025-06-18). */
    static final String ASSUMED_PROTOCOL_VERSION = "2025-03-26";

    /** JSON-RPC 2.0 error codes; -32001 is the code MCP SDKs use for an unknown session. */
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    static final int SESSION_NOT_FOUND = -32001;

    private McpHttp() {
    }

    /** Sends {@code status} with a JSON-RPC error body whose id is null. */
    static void sendError(ServerResponse res, Status status, int code, String message) {
        sendError(res, status, code, message, null);
    }

    /** Sends {@code status} with a JSON-RPC error body for the request with id {@code id} (String, Number or null). */
    static void sendError(ServerResponse res, Status status, int code, String message, Object id) {
        String idJson = id == null ? "null" : id instanceof Number ? id.toString() : quote(id.toString());
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"error\":{\"code\":" + code
                + ",\"message\":" + quote(message) + "}}";
        sendJson(res, status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a JSON body that must not be cached. */
    static void sendJson(ServerResponse res, Status status, byte[] json) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, APPLICATION_JSON);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(json);
    }

    /** Sends 405 naming the allowed methods. */
    static void methodNotAllowed(ServerResponse res, String allow) {
        res.header(HeaderNames.ALLOW, allow);
        sendError(res, Status.METHOD_NOT_ALLOWED_405, INVALID_REQUEST, "method not allowed; allowed: " + allow);
    }

    /** A JSON string literal for {@code s}. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
