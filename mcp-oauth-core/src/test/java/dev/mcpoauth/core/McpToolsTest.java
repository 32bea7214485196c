package dev.mcpoauth.core;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import dev.mcpoauth.testing.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpToolsTest {

    private final SyncToolSpecification add = McpTools.text("add", "Adds two integers.",
            List.of(ToolArg.integer("a", "first"), ToolArg.integer("b", "second"), ToolArg.string("label", "").optional()),
            call -> call.optionalString("label").orElse("sum") + "=" + (call.integer("a") + call.integer("b")));

    @Test
    void textToolDerivesTheInputSchemaFromItsArguments() {
        Map<String, Object> schema = add.tool().inputSchema();
        assertThat(schema).containsEntry("type", "object").containsEntry("additionalProperties", false);
        assertThat(((Map<?, ?>) schema.get("properties")).keySet()).map(Object::toString).containsExactly("a", "b", "label");
        assertThat(schema.get("required")).as("optional arguments are not required").isEqualTo(List.of("a", "b"));
        assertThat(add.tool().description()).isEqualTo("Adds two integers.");
    }

    @Test
    void textToolAnswersWithTheHandlersText() {
        McpSchema.CallToolResult result = call(Map.of("a", 2, "b", 40, "label", "answer"));
        assertThat(result.isError()).isFalse();
        assertThat(text(result)).isEqualTo("answer=42");
    }

    @Test
    void textToolWhenRequiredArgumentMissingThenErrorResultNamingIt() {
        McpSchema.CallToolResult result = call(Map.of("a", 2));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("missing required argument 'b'");
    }

    @Test
    void textToolWhenArgumentHasWrongTypeThenErrorResultNamingTheType() {
        McpSchema.CallToolResult result = call(Map.of("a", "two", "b", 1.5));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("'a' must be a integer").contains("'b' must be a integer");
    }

    @Test
    void textToolWhenHandlerThrowsThenErrorResultWithItsMessage() {
        SyncToolSpecification failing = McpTools.text("fail", "Fails.", List.of(), call -> {
            throw new IllegalStateException("the backend is down");
        });
        McpSchema.CallToolResult result;
        try (LogCapture log = LogCapture.of("dev.mcpoauth.core.McpTools")) {
            result = failing.callHandler().apply(null, new McpSchema.CallToolRequest("fail", Map.of()));
            assertThat(log.warnings()).as("the operator sees the failure")
                    .singleElement().asString().contains("fail");
        }
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("the backend is down");
    }

    @Test
    void textToolWhenTwoArgumentsShareANameThenRefused() {
        assertThatThrownBy(() -> McpTools.text("dup", "", List.of(ToolArg.string("x", ""), ToolArg.bool("x", "")),
                call -> "")).hasMessageContaining("two tool arguments are named 'x'");
    }

    private McpSchema.CallToolResult call(Map<String, Object> arguments) {
        return add.callHandler().apply(null, new McpSchema.CallToolRequest("add", arguments));
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }
}
