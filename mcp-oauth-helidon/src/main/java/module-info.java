/**
 * The default transport: Helidon 4 SE hosting the OAuth endpoints, the login page and the protected
 * MCP endpoint (Streamable HTTP or the SDK's stateless mode); provider id {@code helidon}.
 *
 * <p>Exported: {@link dev.mcpoauth.helidon.McpOAuthFeature} (embed everything in your own Helidon
 * routing), {@link dev.mcpoauth.helidon.HelidonTransport} (a standalone server),
 * {@link dev.mcpoauth.helidon.TransportSettings} and {@link dev.mcpoauth.helidon.HelidonTuning}.
 * The MCP endpoint ({@code dev.mcpoauth.helidon.mcp}) and the OAuth routes
 * ({@code dev.mcpoauth.helidon.oauth}) are internal.
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
