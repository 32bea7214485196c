/**
 * The MCP endpoint on Helidon 4 SE (internal; the exported package {@code dev.mcpoauth.helidon}
 * wraps it): the MCP Java SDK's Streamable HTTP transport ({@link dev.mcpoauth.helidon.mcp.HelidonStreamableTransport})
 * and its stateless mode ({@link dev.mcpoauth.helidon.mcp.HelidonStatelessTransport}), written for
 * Helidon's virtual threads: every handler blocks, nothing pins a carrier thread.
 *
 * <h2>Request path</h2>
 * Helidon filters (the bearer-token check goes here) -> Origin check (403) -> Accept (406) -> body
 * limit (413) -> JSON-RPC parsing (400) -> {@code MCP-Protocol-Version} (400) -> session lookup
 * (400 missing, 404 unknown) -> the SDK session, with the MCP transport context in the Reactor context.
 *
 * <h2>Who the caller is</h2>
 * An authentication filter registers an {@link dev.mcpoauth.AuthenticatedPrincipal} in the Helidon
 * request context under {@link dev.mcpoauth.AuthenticatedPrincipal#CONTEXT_KEY}; the default
 * {@link dev.mcpoauth.helidon.mcp.PrincipalContextExtractor} copies it into the MCP transport context,
 * where a tool reads {@code exchange.transportContext().get(AuthenticatedPrincipal.CONTEXT_KEY)} (a
 * stateless tool gets the context as its first argument).
 */
package dev.mcpoauth.helidon.mcp;
