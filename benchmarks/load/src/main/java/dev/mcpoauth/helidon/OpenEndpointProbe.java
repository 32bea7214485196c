package dev.mcpoauth.helidon;

import dev.mcpoauth.helidon.mcp.McpEndpointConfig;
import dev.mcpoauth.spi.ProviderSettings;
import io.helidon.webserver.http.HttpRules;

import java.util.Set;

/**
 * The load benchmark's one deliberate hook into the transport's package-private parts, so that its
 * unauthenticated baseline server reads the same settings, builds the same MCP endpoint configuration
 * and answers unknown paths the same way as {@code OAuthRoutes} does, without copying that code.
 *
 * <p>It lives in the transport's package but ships in the load benchmark's jar, which runs on the
 * class path, where both jars share the package. On the module path {@code dev.mcpoauth.helidon}
 * belongs to its module alone, so nothing outside the benchmark can use this way in.
 */
public final class OpenEndpointProbe {

    private OpenEndpointProbe() {
    }

    /** The transport settings from {@code mcpoauth.*} keys without the prefix, as the product reads them. */
    public static TransportSettings settings(ProviderSettings settings) {
        return SettingKeys.read(settings);
    }

    /** The MCP endpoint configuration the product builds for these settings and origins. */
    public static McpEndpointConfig endpointConfig(String path, TransportSettings settings, Set<String> origins) {
        return OAuthRoutes.endpointConfig(path, settings, origins);
    }

    /** The product's answer to every path without an endpoint (JSON 404). */
    public static void registerNotFound(HttpRules rules) {
        NotFound.register(rules);
    }
}
