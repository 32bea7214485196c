/**
 * The OAuth side of the Helidon transport (internal): discovery, registration, token, revocation and
 * introspection endpoints, {@code /authorize}, the login page and its assets, and the bearer gate in
 * front of the MCP endpoint. Each endpoint maps one HTTP request to one call of the engine
 * ({@link dev.mcpoauth.core.AuthorizationServer}) and renders its result; {@link dev.mcpoauth.helidon.oauth.OAuthRoutes}
 * assembles them.
 */
package dev.mcpoauth.helidon.oauth;
