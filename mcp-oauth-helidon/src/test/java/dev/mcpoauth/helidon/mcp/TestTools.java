package dev.mcpoauth.helidon.mcp;

import dev.mcpoauth.AuthenticatedPrincipal;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;

/** The tools the tests serve: typed arguments, notifications during a call, the caller's principal. */
final class TestTools {

    private static final String ADD_SCHEMA = """
            {"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"required":["a","b"]}""";
    private static final String EMPTY_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

    private TestTools() {
    }

    static McpSchema.Tool tool(String name, String schema) {
        return McpSchema.Tool.builder(name, McpJsonDefaults.getMapper(), schema).description("test tool " + name).build();
    }

    static McpSchema.Tool tool(String name) {
        return tool(name, EMPTY_SCHEMA);
    }

    static McpSchema.CallToolResult text(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    static String add(McpSchema.CallToolRequest request) {
        long a = ((Number) request.arguments().get("a")).longValue();
        long b = ((Number) request.arguments().get("b")).longValue();
        return Long.toString(a + b);
    }

    static String whoami(McpTransportContext context) {
        Object principal = context.get(AuthenticatedPrincipal.CONTEXT_KEY);
        return principal instanceof AuthenticatedPrincipal p ? p.userId() : "anonymous";
    }

    /** Tools of a Streamable HTTP (stateful) server. */
    static List<McpServerFeatures.SyncToolSpecification> stateful() {
        return List.of(
                spec(tool("add", ADD_SCHEMA), (ex, req) -> text(add(req))),
                spec(tool("whoami"), (ex, req) -> text(whoami(ex.transportContext()))),
                spec(tool("session"), (ex, req) -> text(ex.sessionId())),
                spec(tool("thread"), (ex, req) -> text(Boolean.toString(Thread.currentThread().isVirtual()))),
                spec(tool("progress"), TestTools::progress));
    }

    /** Tools of a stateless server. */
    static List<McpStatelessServerFeatures.SyncToolSpecification> stateless() {
        return List.of(
                McpStatelessServerFeatures.SyncToolSpecification.builder().tool(tool("add", ADD_SCHEMA))
                        .callHandler((ctx, req) -> text(add(req))).build(),
                McpStatelessServerFeatures.SyncToolSpecification.builder().tool(tool("whoami"))
                        .callHandler((ctx, req) -> text(whoami(ctx))).build());
    }

    private static McpSchema.CallToolResult progress(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object token = request.progressToken();
        for (int i = 1; i <= 3; i++) {
            if (token != null) {
                exchange.progressNotification(McpSchema.ProgressNotification.builder(token, i).total(3.0)
                        .message("step " + i).build());
            }
        }
        exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder(McpSchema.LoggingLevel.INFO, "working")
                .logger("test").build());
        return text("done");
    }

    private static McpServerFeatures.SyncToolSpecification spec(
            McpSchema.Tool tool,
            java.util.function.BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> h) {
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler(h).build();
    }
}
