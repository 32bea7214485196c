/**
 * The default transport: Helidon 4 SE hosting the OAuth endpoints and the MCP Streamable HTTP transport; provider id {@code helidon}.
 */
package dev.mcpoauth.helidon;
