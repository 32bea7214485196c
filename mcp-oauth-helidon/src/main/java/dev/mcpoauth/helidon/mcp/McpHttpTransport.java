package dev.mcpoauth.helidon.mcp;

import io.helidon.webserver.http.HttpService;

/**
 * The MCP endpoint on Helidon: an {@link HttpService} to register on the routing, which is also the
 * transport an MCP Java SDK server is built on. Which one {@link #create(McpEndpointConfig)} returns
 * follows {@link McpEndpointConfig#stateless()}:
 * <ul>
 *   <li>{@link HelidonStreamableTransport}: Streamable HTTP with sessions; build the server with
 *       {@code McpServer.sync(transport)} (a {@code McpStreamableServerTransportProvider});</li>
 *   <li>{@link HelidonStatelessTransport}: the SDK's stateless mode; build it with
 *       {@code McpServer.sync(transport)} (a {@code McpStatelessServerTransport}).</li>
 * </ul>
 */
public sealed interface McpHttpTransport extends HttpService
        permits HelidonStreamableTransport, HelidonStatelessTransport {

    /** The transport that {@code config} selects. */
    static McpHttpTransport create(McpEndpointConfig config) {
        return config.stateless() ? new HelidonStatelessTransport(config) : new HelidonStreamableTransport(config);
    }

    /** The configuration of this endpoint. */
    McpEndpointConfig config();
}
