/**
 * The default transport: Helidon 4 SE hosting the OAuth endpoints and the MCP Streamable HTTP transport; provider id {@code helidon}.
 */
module dev.mcpoauth.helidon {
    requires transitive dev.mcpoauth.core;
    requires io.helidon.webserver;
    requires io.helidon.webserver.staticcontent;
    requires io.modelcontextprotocol.sdk.mcp;
    exports dev.mcpoauth.helidon;
}
