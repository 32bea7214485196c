/**
 * The default transport on Helidon 4 SE; provider id {@code helidon}.
 *
 * <p>{@link dev.mcpoauth.helidon.HelidonTransportProvider} makes a {@link dev.mcpoauth.helidon.HelidonTransport}
 * (a standalone WebServer) for {@code McpOAuthServer}; {@link dev.mcpoauth.helidon.McpOAuthFeature}
 * puts the same routes into an existing Helidon routing; {@link dev.mcpoauth.helidon.TransportSettings}
 * configures both.
 *
 * <p>The OAuth side lives here too, package-private: discovery, registration, token, revocation and
 * introspection endpoints, {@code /authorize}, the login page and its assets, and the bearer gate in
 * front of the MCP endpoint ({@code McpGate}). Each endpoint maps one HTTP request to one call of the
 * engine ({@link dev.mcpoauth.core.AuthorizationServer}) and renders its result; {@code OAuthRoutes}
 * assembles them. The MCP endpoint is the room below, {@code dev.mcpoauth.helidon.mcp}.
 */
package dev.mcpoauth.helidon;
