package dev.mcpoauth.helidon.mcp;

import dev.mcpoauth.AuthenticatedPrincipal;
import io.helidon.webserver.http.ServerRequest;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;

import java.util.Map;

/**
 * The default {@link McpTransportContextExtractor}: copies the {@link AuthenticatedPrincipal} that
 * an authentication filter registered in the Helidon request context under
 * {@link AuthenticatedPrincipal#CONTEXT_KEY} into the MCP transport context under the same key, where
 * a tool reads it with {@code exchange.transportContext().get(AuthenticatedPrincipal.CONTEXT_KEY)}.
 * A request without a principal gets the empty context.
 */
public final class PrincipalContextExtractor implements McpTransportContextExtractor<ServerRequest> {

    /** Creates the extractor; it holds no state. */
    public PrincipalContextExtractor() {
    }

    @Override
    public McpTransportContext extract(ServerRequest request) {
        return request.context()
                .get(AuthenticatedPrincipal.CONTEXT_KEY, AuthenticatedPrincipal.class)
                .map(p -> McpTransportContext.create(Map.of(AuthenticatedPrincipal.CONTEXT_KEY, p)))
                .orElse(McpTransportContext.EMPTY);
    }
}
