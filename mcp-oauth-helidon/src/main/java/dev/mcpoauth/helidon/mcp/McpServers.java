package dev.mcpoauth.helidon.mcp;

import dev.mcpoauth.core.McpServerDefinition;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Builds the MCP Java SDK server that serves a {@link McpServerDefinition} on the Helidon MCP
 * transport: a session server on Streamable HTTP, or a stateless server whose handlers get the
 * definition's specifications through {@link StatelessSpecs}. Sync handlers run on the request's
 * virtual thread ({@code immediateExecution}).
 */
public final class McpServers {

    private McpServers() {
    }

    /** A running SDK server; {@link #close()} ends its sessions and makes the transport refuse requests. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** Builds the server for the transport's mode. */
    public static Running start(McpServerDefinition definition, McpHttpTransport transport) {
        if (transport instanceof HelidonStreamableTransport streamable) {
            var spec = McpServer.sync(streamable)
                    .serverInfo(definition.name(), definition.version())
                    .capabilities(capabilities(definition, true))
                    .tools(definition.tools())
                    .resources(definition.resources())
                    .resourceTemplates(definition.resourceTemplates())
                    .prompts(definition.prompts())
                    .completions(definition.completions())
                    .immediateExecution(true);
            definition.instructions().ifPresent(spec::instructions);
            McpSyncServer server = spec.build();
            return server::closeGracefully;
        }
        var spec = McpServer.sync((HelidonStatelessTransport) transport)
                .serverInfo(definition.name(), definition.version())
                .capabilities(capabilities(definition, false))
                .tools(definition.tools().stream().map(StatelessSpecs::tool).toList())
                .resources(definition.resources().stream().map(StatelessSpecs::resource).toList())
                .resourceTemplates(definition.resourceTemplates().stream().map(StatelessSpecs::template).toList())
                .prompts(definition.prompts().stream().map(StatelessSpecs::prompt).toList())
                .completions(definition.completions().stream().map(StatelessSpecs::completion).toList())
                .immediateExecution(true);
        definition.instructions().ifPresent(spec::instructions);
        McpStatelessSyncServer server = spec.build();
        return server::closeGracefully;
    }

    /**
     * What the server announces. Resource subscriptions need a session to send updates on, so they
     * are offered with sessions only; without the capability the SDK answers {@code resources/subscribe}
     * with "method not found".
     */
    private static McpSchema.ServerCapabilities capabilities(McpServerDefinition definition, boolean sessions) {
        McpSchema.ServerCapabilities.Builder caps = McpSchema.ServerCapabilities.builder().tools(true).logging();
        if (!definition.resources().isEmpty() || !definition.resourceTemplates().isEmpty()) {
            caps.resources(sessions, true);
        }
        if (!definition.prompts().isEmpty()) {
            caps.prompts(true);
        }
        if (!definition.completions().isEmpty()) {
            caps.completions();
        }
        return caps.build();
    }
}
