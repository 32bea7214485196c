package dev.mcpoauth.helidon.mcp;

import io.helidon.http.Status;

/**
 * Thrown by the checks of an MCP request to stop it with an HTTP status and a JSON-RPC error; the
 * endpoint renders it with {@link McpHttp#sendError}. Carries no stack trace: it is control flow for
 * bad input, not a fault.
 */
final class RejectedRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Status status;
    private final int code;
    private final transient Object requestId;

    RejectedRequest(Status status, int code, String message) {
        this(status, code, message, null);
    }

    RejectedRequest(Status status, int code, String message, Object requestId) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.requestId = requestId;
    }

    Status status() {
        return status;
    }

    int code() {
        return code;
    }

    /** The same rejection, naming the JSON-RPC request it answers. */
    RejectedRequest about(Object id) {
        return new RejectedRequest(status, code, getMessage(), id);
    }

    /** The JSON-RPC id of the rejected request, or null when unknown. */
    Object requestId() {
        return requestId;
    }
}
