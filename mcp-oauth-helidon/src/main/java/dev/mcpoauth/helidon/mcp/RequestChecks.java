package dev.mcpoauth.helidon.mcp;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import java.util.List;

/**
 * The checks every MCP request passes before it reaches the SDK: Origin (DNS rebinding), the
 * {@code Accept} header and the {@code MCP-Protocol-Version} header. Each failing check throws a
 * {@link RejectedRequest}.
 */
final class RequestChecks {

    private final OriginPolicy origins;

    RequestChecks(McpEndpointConfig config) {
        this.origins = new OriginPolicy(config.allowedOrigins(), config.allowLoopbackOrigins());
    }

    /** 403 unless the request's Origin is allowed. */
    void origin(ServerRequest req) {
        if (!origins.allows(req.headers().first(HeaderNames.ORIGIN), req.localPeer().port())) {
            throw new RejectedRequest(Status.FORBIDDEN_403, McpHttp.INVALID_REQUEST, "Origin not allowed");
        }
    }

    /** The accepted response types of a POST; 406 when it accepts neither JSON nor SSE. */
    AcceptedTypes postAccept(ServerRequest req) {
        AcceptedTypes accept = AcceptedTypes.of(req.headers());
        if (!accept.json() && !accept.sse()) {
            throw new RejectedRequest(Status.NOT_ACCEPTABLE_406, McpHttp.INVALID_REQUEST,
                    "Accept must allow application/json or text/event-stream");
        }
        return accept;
    }

    /**
     * 400 when the request names a protocol version this server does not speak. A request without the
     * header is taken to speak {@value McpHttp#ASSUMED_PROTOCOL_VERSION}, as the specification says.
     */
    void protocolVersion(ServerRequest req, List<String> supported) {
        String version = req.headers().first(McpHttp.PROTOCOL_VERSION).orElse(McpHttp.ASSUMED_PROTOCOL_VERSION);
        if (!supported.contains(version.trim())) {
            throw new RejectedRequest(Status.BAD_REQUEST_400, McpHttp.INVALID_REQUEST,
                    "unsupported MCP-Protocol-Version; supported: " + String.join(", ", supported));
        }
    }
}
