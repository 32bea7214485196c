/**
 * The OAuth 2.1 + PKCE engine, token minting, the McpOAuthServer facade and provider selection.
 */
module dev.mcpoauth.core {
    requires transitive dev.mcpoauth;
    requires org.jose4j;
    requires org.slf4j;
    exports dev.mcpoauth.core;
    uses dev.mcpoauth.spi.TokenStoreProvider;
    uses dev.mcpoauth.spi.LoginHandlerProvider;
    uses dev.mcpoauth.spi.TransportProvider;
}
