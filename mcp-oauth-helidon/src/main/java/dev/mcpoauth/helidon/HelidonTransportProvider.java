package dev.mcpoauth.helidon;

import dev.mcpoauth.Transport;
import dev.mcpoauth.core.HostedServer;
import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.TransportContext;
import dev.mcpoauth.spi.TransportProvider;

/**
 * Provides the {@link HelidonTransport} under the id {@code helidon}, at the default weight.
 *
 * <p>It serves the {@link HostedServer} the engine supplies. Its {@link TransportSettings} are the
 * component of that type when the server has one
 * ({@code McpOAuthServer.builder(...).component(TransportSettings.class, settings)}), else these
 * provider settings (system property {@code mcpoauth.<key>}, environment {@code MCPOAUTH_<KEY>}
 * with dots as underscores, or {@code ServerConfig.Builder#setting}):
 * <ul>
 *   <li>{@code mcp.stateless}: {@code true} for the SDK's stateless mode; default {@code false};</li>
 *   <li>{@code mcp.allowed.origins}: comma-separated browser origins for the MCP endpoint besides the
 *       issuer's and loopback ones, e.g. {@code http://localhost:6274}, where {@code hosted-clients}
 *       stands for the hosted MCP clients' origins ({@code https://claude.ai}, {@code https://chatgpt.com},
 *       ...); when set, even empty, it replaces the default, which is those hosted-client origins when
 *       the public URL's host is public, and none when it is loopback or private (DNS-rebinding
 *       protection). Requests without a valid token get the 401 challenge whatever their origin
 *       (see {@link TransportSettings#originsExplicit()});</li>
 *   <li>{@code mcp.max.body.bytes}: the largest MCP request body; default 4194304;</li>
 *   <li>{@code mcp.keep.alive}: SSE keep-alive interval, ISO-8601 ({@code PT25S}), {@code 25s} or seconds, 0 for none; default 25 s;</li>
 *   <li>{@code mcp.session.idle.timeout}: idle MCP session eviction, same format, 0 for never; default 30 min;</li>
 *   <li>{@code oauth.max.body.bytes}: the largest OAuth or login request body; default 65536;</li>
 *   <li>{@code http.trusted.proxies}: comma-separated IP addresses of reverse proxies whose
 *       forwarding headers name the client address; default none;</li>
 *   <li>{@code rate.limit.register}, {@code rate.limit.token}, {@code rate.limit.login}: requests per
 *       client address as {@code <requests>/<period>} ({@code 20/PT10M}, {@code 60/60}) or {@code off};
 *       defaults {@code 20/PT10M}, {@code 60/PT1M} and {@code 30/PT1M}.</li>
 * </ul>
 * Keys use dots only, so that each can also be set as an environment variable.
 *
 * <p>Cheap to construct: no I/O until {@link Transport#start()}.
 */
public final class HelidonTransportProvider implements TransportProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public HelidonTransportProvider() {
    }

    @Override
    public String id() {
        return "helidon";
    }

    @Override
    public Transport create(TransportContext context) {
        HostedServer hosted = context.require(HostedServer.class);
        TransportSettings settings = context.component(TransportSettings.class)
                .orElseGet(() -> {
                    try {
                        return SettingKeys.read(context.settings());
                    } catch (IllegalArgumentException e) {
                        throw new ProviderConfigurationException("the helidon transport: " + e.getMessage(), e);
                    }
                });
        return new HelidonTransport(hosted, settings);
    }
}
