package dev.mcpoauth.core;

import dev.mcpoauth.AuthenticatedPrincipal;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tools in one statement, the Java counterpart of the original's {@code @mcp.tool()}: a name, a
 * description, typed arguments and a function from the call to text. The result is an ordinary MCP
 * Java SDK {@link SyncToolSpecification}; full SDK specifications can be given to the builder too.
 *
 * <pre>{@code
 * McpTools.text("echo", "Echo back the input message",
 *         List.of(ToolArg.string("message", "The message to echo")),
 *         call -> "Echo: " + call.string("message"));
 * }</pre>
 */
public final class McpTools {

    private McpTools() {
    }

    /**
     * A tool that answers with text.
     *
     * @param name        the tool name
     * @param description what the tool does, for the model
     * @param arguments   the tool's arguments; the input schema is derived from them
     * @param handler     computes the text answer; an exception it throws becomes an error result
     *                    carrying the exception's message, and is logged
     * @return the SDK specification
     */
    public static SyncToolSpecification text(String name, String description, List<ToolArg> arguments,
                                             Function<ToolCall, String> handler) {
        Objects.requireNonNull(handler, "handler");
        List<ToolArg> args = List.copyOf(arguments);
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(inputSchema(args))
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> call(name, args, handler, exchange, request))
                .build();
    }

    /**
     * The authenticated principal of the request being served, as the transport put it in the MCP
     * transport context; for tools written against the SDK directly.
     *
     * @param exchange the SDK exchange of a tool, resource or prompt handler
     * @return the principal, or empty where authentication is switched off
     */
    public static Optional<AuthenticatedPrincipal> principal(McpSyncServerExchange exchange) {
        Object value = exchange.transportContext().get(AuthenticatedPrincipal.CONTEXT_KEY);
        return value instanceof AuthenticatedPrincipal principal ? Optional.of(principal) : Optional.empty();
    }

    private static McpSchema.CallToolResult call(String name, List<ToolArg> args, Function<ToolCall, String> handler,
                                                 McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Map<String, Object> sent = request.arguments() == null ? Map.of() : request.arguments();
        List<String> problems = new ArrayList<>();
        for (ToolArg arg : args) {
            Object value = sent.get(arg.name());
            if (value == null) {
                if (arg.required()) {
                    problems.add("missing required argument '" + arg.name() + "'");
                }
            } else if (!arg.accepts(value)) {
                problems.add("argument '" + arg.name() + "' must be a " + arg.type().jsonType());
            }
        }
        if (!problems.isEmpty()) {
            return error("Invalid arguments for tool " + name + ": " + String.join("; ", problems));
        }
        try {
            return McpSchema.CallToolResult.builder()
                    .addTextContent(handler.apply(new ToolCall(sent, exchange)))
                    .isError(false)
                    .build();
        } catch (RuntimeException e) {
            System.getLogger(McpTools.class.getName()).log(System.Logger.Level.WARNING,
                    "tool " + name + " failed", e);
            return error(e.getMessage() == null ? "The tool " + name + " failed." : e.getMessage());
        }
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static Map<String, Object> inputSchema(List<ToolArg> args) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ToolArg arg : args) {
            if (properties.put(arg.name(), arg.schema()) != null) {
                throw new IllegalArgumentException("two tool arguments are named '" + arg.name() + "'");
            }
            if (arg.required()) {
                required.add(arg.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
