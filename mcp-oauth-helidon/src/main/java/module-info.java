/**
 * The default transport: Helidon 4 SE hosting the OAuth endpoints, the login page and the protected
 * MCP endpoint (Streamable HTTP or the SDK's stateless mode); provider id {@code helidon}.
 *
 * <p>Exported: {@link dev.mcpoauth.helidon.McpOAuthFeature} (embed everything in your own Helidon
 * routing), {@link dev.mcpoauth.helidon.HelidonTransport} (a standalone server),
 * {@link dev.mcpoauth.helidon.TransportSettings} and {@link dev.mcpoauth.helidon.HelidonTuning}.
 * The OAuth routes and the bearer gate of the MCP endpoint are package-private classes of the
 * exported package (they need its settings); the MCP endpoint itself, the SDK transport and server
 * assembly, is the non-exported package {@code dev.mcpoauth.helidon.mcp}, which depends on nothing
 * above it.
 */
module dev.mcpoauth.helidon {
    requires transitive dev.mcpoauth.core;
    requires transitive io.helidon.webserver;
    requires io.helidon.webserver.staticcontent;
    requires io.modelcontextprotocol.sdk.mcp;
    requires reactor.core;

    exports dev.mcpoauth.helidon;

    provides dev.mcpoauth.spi.TransportProvider with dev.mcpoauth.helidon.HelidonTransportProvider;
}
