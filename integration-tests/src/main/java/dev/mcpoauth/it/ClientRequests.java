package dev.mcpoauth.it;

import dev.mcpoauth.core.Json;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.util.List;
import java.util.Map;

/**
 * Tools that ask the client something in the middle of a call (sampling, elicitation): the request
 * travels on the SSE stream of the tool call's POST and the answer comes back in another POST.
 * A client without the capability, or one that fails the request, gets an error result that says so.
 */
final class ClientRequests {

    private ClientRequests() {
    }

    /** {@code test_sampling}: asks the client's model to answer the {@code prompt} argument. */
    static CallToolResult sampling(McpSyncServerExchange exchange, CallToolRequest call) {
        String prompt = String.valueOf(ConformanceTools.arguments(call).getOrDefault("prompt", ""));
        try {
            McpSchema.CreateMessageResult answer = exchange.createMessage(McpSchema.CreateMessageRequest.builder(
                    List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, Media.text(prompt))), 100).build());
            String text = answer.content() instanceof McpSchema.TextContent t ? t.text() : "(non-text answer)";
            return ConformanceTools.result(Media.text("LLM response: " + text));
        } catch (RuntimeException e) {
            return failed("Sampling not supported or failed: " + e.getMessage());
        }
    }

    /** {@code test_elicitation}: asks the user for a username and an email, showing the {@code message} argument. */
    static CallToolResult elicitation(McpSyncServerExchange exchange, CallToolRequest call) {
        String message = String.valueOf(ConformanceTools.arguments(call).getOrDefault("message", ""));
        return elicit(exchange, message, Schemas.USERNAME_AND_EMAIL);
    }

    /** Sends an elicitation with the given form schema and reports the user's action and content. */
    static CallToolResult elicit(McpSyncServerExchange exchange, String message, Map<String, Object> schema) {
        try {
            McpSchema.ElicitResult answer = exchange.createElicitation(McpSchema.ElicitFormRequest.builder(message, schema).build());
            String content = answer.content() == null ? "{}" : Json.write(answer.content());
            return ConformanceTools.result(Media.text("User response: action="
                    + answer.action().name().toLowerCase(java.util.Locale.ROOT) + ", content=" + content));
        } catch (RuntimeException e) {
            return failed("Elicitation not supported or failed: " + e.getMessage());
        }
    }

    private static CallToolResult failed(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
