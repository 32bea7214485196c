package dev.mcpoauth.core;

import dev.mcpoauth.AuthenticatedPrincipal;
import io.modelcontextprotocol.server.McpSyncServerExchange;

import java.util.Map;
import java.util.Optional;

/**
 * One call of a tool made with {@link McpTools#text}: its arguments, already checked against the
 * declared {@link ToolArg}s, and who is calling.
 *
 * <p>Not thread safe; valid during the call only.
 */
public final class ToolCall {

    private final Map<String, Object> arguments;
    private final McpSyncServerExchange exchange;

    ToolCall(Map<String, Object> arguments, McpSyncServerExchange exchange) {
        this.arguments = arguments;
        this.exchange = exchange;
    }

    /** A string argument; for an optional one that was not sent, the empty string. */
    public String string(String name) {
        Object value = arguments.get(name);
        return value == null ? "" : (String) value;
    }

    /** A string argument, or empty when it was not sent. */
    public Optional<String> optionalString(String name) {
        return Optional.ofNullable((String) arguments.get(name));
    }

    /** An integer argument; for an optional one that was not sent, 0. */
    public long integer(String name) {
        Object value = arguments.get(name);
        return value == null ? 0L : ((Number) value).longValue();
    }

    /** A number argument; for an optional one that was not sent, 0. */
    public double number(String name) {
        Object value = arguments.get(name);
        return value == null ? 0.0 : ((Number) value).doubleValue();
    }

    /** A boolean argument; for an optional one that was not sent, false. */
    public boolean bool(String name) {
        return Boolean.TRUE.equals(arguments.get(name));
    }

    /** Whether an argument was sent. */
    public boolean has(String name) {
        return arguments.containsKey(name);
    }

    /**
     * The authenticated user, client and scopes behind this call. Present on every call that reached a
     * tool through the protected endpoint; empty only where authentication is switched off.
     */
    public Optional<AuthenticatedPrincipal> principal() {
        return McpTools.principal(exchange);
    }

    /** The SDK exchange, for logging, progress, sampling or elicitation. */
    public McpSyncServerExchange exchange() {
        return exchange;
    }
}
