/**
 * The OAuth 2.1 + PKCE engine, token minting, the McpOAuthServer facade and provider selection.
 */
package dev.mcpoauth.core;
