/**
 * The default transport: Helidon 4 SE hosting the OAuth endpoints and the MCP Streamable HTTP
 * transport; provider id {@code helidon}.
 *
 * <p>The MCP endpoint itself (Streamable HTTP and the SDK's stateless mode, on virtual threads) lives
 * in the internal package {@code dev.mcpoauth.helidon.mcp}.
 */
module dev.mcpoauth.helidon {
    requires transitive dev.mcpoauth.core;
    requires transitive io.helidon.webserver;
    requires io.helidon.webserver.staticcontent;
    requires io.modelcontextprotocol.sdk.mcp;
    requires reactor.core;
    exports dev.mcpoauth.helidon;
}
