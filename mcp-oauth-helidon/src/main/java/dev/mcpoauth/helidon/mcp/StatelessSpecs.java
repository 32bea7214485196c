package dev.mcpoauth.helidon.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpLoggableSession;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * Serves the session-style specifications of a {@link dev.mcpoauth.core.McpServerDefinition} in the
 * SDK's stateless mode: each handler gets an exchange that carries the request's transport context
 * (so {@code McpTools.principal(exchange)} works) but no session. Server-to-client requests
 * (sampling, elicitation, roots, ping) fail at once, since a stateless server has no channel to send
 * them on; log and progress notifications are dropped.
 */
final class StatelessSpecs {

    private StatelessSpecs() {
    }

    static McpStatelessServerFeatures.SyncToolSpecification tool(McpServerFeatures.SyncToolSpecification spec) {
        return new McpStatelessServerFeatures.SyncToolSpecification(spec.tool(),
                (ctx, request) -> spec.callHandler().apply(exchange(ctx), request));
    }

    static McpStatelessServerFeatures.SyncResourceSpecification resource(McpServerFeatures.SyncResourceSpecification spec) {
        return new McpStatelessServerFeatures.SyncResourceSpecification(spec.resource(),
                (ctx, request) -> spec.readHandler().apply(exchange(ctx), request));
    }

    static McpStatelessServerFeatures.SyncResourceTemplateSpecification template(
            McpServerFeatures.SyncResourceTemplateSpecification spec) {
        return new McpStatelessServerFeatures.SyncResourceTemplateSpecification(spec.resourceTemplate(),
                (ctx, request) -> spec.readHandler().apply(exchange(ctx), request));
    }

    static McpStatelessServerFeatures.SyncPromptSpecification prompt(McpServerFeatures.SyncPromptSpecification spec) {
        return new McpStatelessServerFeatures.SyncPromptSpecification(spec.prompt(),
                (ctx, request) -> spec.promptHandler().apply(exchange(ctx), request));
    }

    static McpStatelessServerFeatures.SyncCompletionSpecification completion(
            McpServerFeatures.SyncCompletionSpecification spec) {
        return new McpStatelessServerFeatures.SyncCompletionSpecification(spec.referenceKey(),
                (ctx, request) -> spec.completionHandler().apply(exchange(ctx), request));
    }

    /** A stateless request does not say who the client is: the SDK keeps that per session, and there is none. */
    private static McpSyncServerExchange exchange(McpTransportContext context) {
        return new McpSyncServerExchange(new McpAsyncServerExchange("stateless", NoSession.INSTANCE,
                McpSchema.ClientCapabilities.builder().build(), McpSchema.Implementation.builder("unknown", "unknown").build(),
                context));
    }

    /** The session of a stateless request: there is none to send anything on. */
    private enum NoSession implements McpLoggableSession {
        INSTANCE;

        @Override
        public <T> Mono<T> sendRequest(String method, Object requestParams, TypeRef<T> typeRef) {
            return Mono.error(new IllegalStateException(
                    "a stateless MCP server cannot send requests to the client (" + method + ")"));
        }

        @Override
        public Mono<Void> sendNotification(String method, Object params) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        @Override
        public void close() {
        }

        @Override
        public void setMinLoggingLevel(McpSchema.LoggingLevel minLoggingLevel) {
        }

        @Override
        public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel loggingLevel) {
            return false;
        }
    }
}
