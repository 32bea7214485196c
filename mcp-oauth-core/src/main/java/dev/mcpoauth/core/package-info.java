/**
 * The mcp-oauth engine, independent of any web server: {@link dev.mcpoauth.core.AuthorizationServer}
 * (every OAuth endpoint and the bearer check as plain methods), {@link dev.mcpoauth.core.ServerConfig},
 * {@link dev.mcpoauth.core.Json} for rendering, and {@link dev.mcpoauth.core.InMemoryTokenStore}.
 */
package dev.mcpoauth.core;
