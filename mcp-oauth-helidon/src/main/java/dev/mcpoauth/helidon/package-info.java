/**
 * The default transport on Helidon 4 SE; provider id {@code helidon}.
 *
 * <p>{@link dev.mcpoauth.helidon.HelidonTransportProvider} makes a {@link dev.mcpoauth.helidon.HelidonTransport}
 * (a standalone WebServer) for {@code McpOAuthServer}; {@link dev.mcpoauth.helidon.McpOAuthFeature}
 * puts the same routes into an existing Helidon routing; {@link dev.mcpoauth.helidon.TransportSettings}
 * configures both.
 */
package dev.mcpoauth.helidon;
