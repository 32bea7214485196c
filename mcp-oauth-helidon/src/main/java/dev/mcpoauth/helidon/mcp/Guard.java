package dev.mcpoauth.helidon.mcp;

import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;

import java.util.function.BooleanSupplier;

/**
 * Wraps the MCP handlers with what every method shares: 503 while the transport closes, the Origin
 * check, and rendering a {@link RejectedRequest} (or an unexpected failure) as a JSON-RPC error,
 * never as a stack trace.
 */
final class Guard {

    private static final System.Logger LOG = System.getLogger(Guard.class.getName());

    private final RequestChecks checks;
    private final BooleanSupplier closing;

    Guard(McpEndpointConfig config, BooleanSupplier closing) {
        this.checks = new RequestChecks(config);
        this.closing = closing;
    }

    Handler wrap(Handler handler) {
        return (req, res) -> {
            try {
                if (closing.getAsBoolean()) {
                    throw new RejectedRequest(Status.SERVICE_UNAVAILABLE_503, McpHttp.INTERNAL_ERROR,
                            "the MCP server is shutting down");
                }
                checks.origin(req);
                handler.handle(req, res);
            } catch (RejectedRequest e) {
                if (!res.isSent()) {
                    McpHttp.sendError(res, e.status(), e.code(), e.getMessage(), e.requestId());
                }
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "MCP request failed", e);
                if (!res.isSent()) {
                    McpHttp.sendError(res, Status.INTERNAL_SERVER_ERROR_500, McpHttp.INTERNAL_ERROR,
                            "internal error");
                }
            }
        };
    }
}
