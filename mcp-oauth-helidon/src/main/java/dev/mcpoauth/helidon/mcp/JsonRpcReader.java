package dev.mcpoauth.helidon.mcp;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON-RPC message from a POST body, enforcing the body size limit.
 *
 * <p>Batches (JSON arrays) are refused: the MCP revisions since 2025-06-18 removed JSON-RPC batching.
 * Every failure is a {@link RejectedRequest}: 413 for a body over the limit, 400 for a body that
 * ends early or is badly chunked ({@link RequestBody}), 415 for a non-JSON
 * content type, 400 with a JSON-RPC parse error (-32700) for malformed JSON, 400 with invalid request
 * (-32600) for JSON that is not a single JSON-RPC 2.0 message.
 */
final class JsonRpcReader {

    private final McpJsonMapper mapper;
    private final long maxBodyBytes;

    JsonRpcReader(McpJsonMapper mapper, long maxBodyBytes) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Reads, parses and classifies the body of {@code req}. */
    McpSchema.JSONRPCMessage read(ServerRequest req) {
        checkContentType(req);
        return classify(parse(body(req)));
    }

    private void checkContentType(ServerRequest req) {
        if (!req.headers().contains(HeaderNames.CONTENT_TYPE)) {
            return;
        }
        boolean json;
        try {
            json = req.headers().contentType().map(HttpMediaType::mediaType)
                    .filter(type -> type.text().equalsIgnoreCase(McpHttp.APPLICATION_JSON)).isPresent();
        } catch (RuntimeException e) {
            // A Content-Type Helidon cannot parse is no JSON either.
            json = false;
        }
        if (!json) {
            throw new RejectedRequest(Status.UNSUPPORTED_MEDIA_TYPE_415, McpHttp.INVALID_REQUEST,
                    "the body must be application/json");
        }
    }

    private byte[] body(ServerRequest req) {
        try {
            return RequestBody.read(req, maxBodyBytes);
        } catch (RequestBody.TooLarge e) {
            throw tooLarge();
        } catch (RequestBody.Unreadable e) {
            throw new RejectedRequest(Status.BAD_REQUEST_400, McpHttp.INVALID_REQUEST, e.getMessage());
        }
    }

    private RejectedRequest tooLarge() {
        return new RejectedRequest(Status.REQUEST_ENTITY_TOO_LARGE_413, McpHttp.INVALID_REQUEST,
                "the body exceeds " + maxBodyBytes + " bytes");
    }

    private Object parse(byte[] body) {
        try {
            Object value = mapper.readValue(body, Object.class);
            if (value == null) {
                throw new RejectedRequest(Status.BAD_REQUEST_400, McpHttp.INVALID_REQUEST, "empty JSON-RPC message");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedRequest rejected) {
                throw rejected;
            }
            throw new RejectedRequest(Status.BAD_REQUEST_400, McpHttp.PARSE_ERROR, "Parse error: malformed JSON");
        }
    }

    private McpSchema.JSONRPCMessage classify(Object json) {
        if (json instanceof List<?>) {
            throw invalid("JSON-RPC batches are not supported; send one message per request");
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw invalid("a JSON-RPC message must be a JSON object");
        }
        if (!McpSchema.JSONRPC_VERSION.equals(map.get("jsonrpc"))) {
            throw invalid("jsonrpc must be \"2.0\"");
        }
        Object id = map.get("id");
        if (map.containsKey("id") && !(id instanceof String || id instanceof Number)) {
            throw invalid("id must be a string or a number");
        }
        try {
            if (map.get("method") instanceof String) {
                return id == null
                        ? mapper.convertValue(map, McpSchema.JSONRPCNotification.class)
                        : mapper.convertValue(map, McpSchema.JSONRPCRequest.class);
            }
            if (id != null && (map.containsKey("result") || map.containsKey("error"))) {
                return mapper.convertValue(map, McpSchema.JSONRPCResponse.class);
            }
        } catch (RuntimeException e) {
            throw invalid("not a valid JSON-RPC message");
        }
        throw invalid("not a JSON-RPC request, notification or response");
    }

    private static RejectedRequest invalid(String message) {
        return new RejectedRequest(Status.BAD_REQUEST_400, McpHttp.INVALID_REQUEST, message);
    }
}
