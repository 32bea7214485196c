package dev.mcpoauth.bench.load;

import dev.mcpoauth.core.McpServerDefinition;
import dev.mcpoauth.helidon.mcp.McpHttpTransport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Builds the MCP Java SDK server on a transport with the product's own code,
 * {@code dev.mcpoauth.helidon.oauth.McpServers#start}, so that the unauthenticated baseline runs the
 * very same SDK server configuration (capabilities, immediate execution, stateless wrappers) as the
 * authenticated server. That class is package-private; on the class path reflection may open it.
 */
final class SdkServers {

    private static final String PRODUCT_CLASS = "dev.mcpoauth.helidon.oauth.McpServers";

    private SdkServers() {
    }

    /**
     * Starts the SDK server for the transport's mode.
     *
     * @return closes the SDK server (its sessions end, the transport refuses requests)
     * @throws IllegalStateException when the product's builder is missing or has another signature
     */
    static AutoCloseable start(McpServerDefinition definition, McpHttpTransport transport) {
        try {
            Method start = Class.forName(PRODUCT_CLASS)
                    .getDeclaredMethod("start", McpServerDefinition.class, McpHttpTransport.class);
            start.setAccessible(true);
            return (AutoCloseable) start.invoke(null, definition, transport);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the product's MCP server failed to start", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(PRODUCT_CLASS + ".start(McpServerDefinition, McpHttpTransport) is not"
                    + " usable; the load benchmark must follow the product's code: " + e, e);
        }
    }
}
