package dev.mcpoauth.it;

import dev.mcpoauth.core.Json;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The tools of the conformance suite's server scenarios ({@code tools-*}, {@code elicitation-*}),
 * written against the MCP Java SDK's full specifications because they need the exchange: logging,
 * progress, sampling and elicitation requests sent back to the client on the call's own stream.
 */
final class ConformanceTools {

    private ConformanceTools() {
    }

    /** Every tool, in a stable order. */
    static List<SyncToolSpecification> all() {
        return List.of(
                tool("test_simple_text", "Tests simple text content response", Schemas.NO_ARGUMENTS,
                        (exchange, call) -> result(Media.text("This is a simple text response for testing."))),
                tool("test_image_content", "Tests image content response", Schemas.NO_ARGUMENTS,
                        (exchange, call) -> result(Media.image())),
                tool("test_audio_content", "Tests audio content response", Schemas.NO_ARGUMENTS,
                        (exchange, call) -> result(Media.audio())),
                tool("test_embedded_resource", "Tests embedded resource content response", Schemas.NO_ARGUMENTS,
                        (exchange, call) -> result(Media.embedded("test://embedded-resource", "text/plain",
                                "This is an embedded resource content."))),
                tool("test_multiple_content_types", "Tests response with multiple content types (text, image, resource)",
                        Schemas.NO_ARGUMENTS, (exchange, call) -> result(
                                Media.text("Multiple content types test:"), Media.image(),
                                Media.embedded("test://mixed-content-resource", "application/json",
                                        Json.write(Map.of("test", "data", "value", 123))))),
                tool("test_tool_with_logging", "Tests tool that emits log messages during execution",
                        Schemas.NO_ARGUMENTS, ConformanceTools::withLogging),
                tool("test_tool_with_progress", "Tests tool that reports progress notifications",
                        Schemas.NO_ARGUMENTS, ConformanceTools::withProgress),
                tool("test_error_handling", "Tests error response handling", Schemas.NO_ARGUMENTS,
                        (exchange, call) -> CallToolResult.builder()
                                .addTextContent("This tool intentionally returns an error for testing")
                                .isError(true).build()),
                tool("test_sampling", "Tests server-initiated sampling (LLM completion request)",
                        Schemas.oneString("prompt", "The prompt to send to the LLM"), ClientRequests::sampling),
                tool("test_elicitation", "Tests server-initiated elicitation (user input request)",
                        Schemas.oneString("message", "The message to show the user"), ClientRequests::elicitation),
                tool("test_elicitation_sep1034_defaults", "Tests elicitation with default values per SEP-1034",
                        Schemas.NO_ARGUMENTS, (exchange, call) -> ClientRequests.elicit(exchange,
                                "Please review and update the form fields with defaults", Schemas.SEP1034_DEFAULTS)),
                tool("test_elicitation_sep1330_enums", "Tests elicitation with enum schema improvements per SEP-1330",
                        Schemas.NO_ARGUMENTS, (exchange, call) -> ClientRequests.elicit(exchange,
                                "Please select options from the enum fields", Schemas.SEP1330_ENUMS)),
                tool("json_schema_2020_12_tool",
                        "Tool with JSON Schema 2020-12 features for conformance testing (SEP-1613)",
                        Schemas.JSON_SCHEMA_2020_12, (exchange, call) -> result(Media.text(
                                "JSON Schema 2020-12 tool called with: " + Json.write(arguments(call))))));
    }

    private static SyncToolSpecification tool(String name, String description, Map<String, Object> inputSchema,
                                              BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder(name, inputSchema).description(description).build();
        return SyncToolSpecification.builder().tool(tool).callHandler(handler).build();
    }

    static CallToolResult result(Content... content) {
        return CallToolResult.builder().content(List.of(content)).isError(false).build();
    }

    static Map<String, Object> arguments(CallToolRequest call) {
        return call.arguments() == null ? Map.of() : new LinkedHashMap<>(call.arguments());
    }

    /** Three info messages about 50 ms apart, so that the client sees them arrive during the call. */
    private static CallToolResult withLogging(McpSyncServerExchange exchange, CallToolRequest call) {
        List<String> messages = List.of("Tool execution started", "Tool processing data", "Tool execution completed");
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                pause();
            }
            exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder(LoggingLevel.INFO, messages.get(i))
                    .logger("conformance-test-server").build());
        }
        return result(Media.text("Tool with logging executed successfully"));
    }

    /** Progress 0, 50 and 100 of 100 for the request's progress token, if it sent one. */
    private static CallToolResult withProgress(McpSyncServerExchange exchange, CallToolRequest call) {
        Optional<Object> token = Optional.ofNullable(call.progressToken());
        for (int step = 0; step <= 100; step += 50) {
            if (step > 0) {
                pause();
            }
            int done = step;
            token.ifPresent(t -> exchange.progressNotification(McpSchema.ProgressNotification.builder(t, done)
                    .total(100.0).message("Completed step " + done + " of 100").build()));
        }
        return result(Media.text(token.map(String::valueOf).orElse("no progress token")));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running a tool", e);
        }
    }
}
