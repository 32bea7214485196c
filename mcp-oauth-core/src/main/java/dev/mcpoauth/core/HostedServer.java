package dev.mcpoauth.core;

import dev.mcpoauth.LoginHandler;

import java.util.Objects;
import java.util.function.Function;

/**
 * Everything a {@link dev.mcpoauth.Transport} hosts, as {@link McpOAuthServer} hands it over through
 * {@link dev.mcpoauth.spi.TransportContext#require(Class)}.
 *
 * <p>The authorization server is created by the transport once it knows the port it bound, because
 * the issuer URL contains that port when no public base URL is configured (port 0 in tests).
 *
 * @param appName             the server's name
 * @param config              the configuration, with the port as asked (possibly 0)
 * @param authorizationServer creates the engine for the configuration with the bound port; called once
 * @param loginHandler        the login page
 * @param mcp                 what the MCP endpoint serves
 */
public record HostedServer(String appName,
                           ServerConfig config,
                           Function<ServerConfig, AuthorizationServer> authorizationServer,
                           LoginHandler loginHandler,
                           McpServerDefinition mcp) {

    /** Checks every part is present. */
    public HostedServer {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(authorizationServer, "authorizationServer");
        Objects.requireNonNull(loginHandler, "loginHandler");
        Objects.requireNonNull(mcp, "mcp");
    }

    /**
     * The configuration once the port is known: unchanged when a port or a public base URL was set,
     * else with the bound port, so that the issuer is the URL clients really reach.
     *
     * @param boundPort the port the transport listens on
     * @return the configuration to build the engine with
     */
    public ServerConfig configFor(int boundPort) {
        return config.port() == 0 && config.publicBaseUrl().isEmpty()
                ? config.toBuilder().port(boundPort).build()
                : config;
    }
}
