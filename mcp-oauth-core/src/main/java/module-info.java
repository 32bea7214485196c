/**
 * The mcp-oauth engine: an OAuth 2.1 authorization server with PKCE, dynamic client registration,
 * refresh-token rotation, revocation and introspection, plus the bearer check of the protected MCP
 * endpoint, all without HTTP ({@link dev.mcpoauth.core.AuthorizationServer}); access tokens are
 * ES256 JWTs minted with jose4j.
 *
 * <p>It also chooses the store, login page and transport among the providers found through
 * {@link java.util.ServiceLoader} (hence the {@code uses} clauses), and falls back to
 * {@link dev.mcpoauth.core.InMemoryTokenStore} when no store module is present.
 *
 * <p>One package, {@code dev.mcpoauth.core}, exported: the public types are the API (the facade,
 * configuration, results); everything else in it is package-private implementation (Helidon's rule), so
 * no other package exists to form a cycle with.
 */
module dev.mcpoauth.core {
    requires transitive dev.mcpoauth;
    // The facade takes MCP SDK tool, resource and prompt specifications, which appear in its signatures.
    requires transitive io.modelcontextprotocol.sdk.mcp;
    requires org.jose4j;
    // jose4j is an automatic module and declares no requires: its logging API must be resolved for it.
    requires org.slf4j;

    exports dev.mcpoauth.core;

    uses dev.mcpoauth.spi.TokenStoreProvider;
    uses dev.mcpoauth.spi.LoginHandlerProvider;
    uses dev.mcpoauth.spi.TransportProvider;
}
