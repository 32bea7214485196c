package dev.mcpoauth.helidon;

import io.helidon.common.socket.SocketOptions;

/**
 * Settings a Helidon listener that serves MCP should use.
 *
 * <p>Streamable HTTP answers each MCP request with a few small SSE writes. With Nagle's algorithm on
 * (the JDK default) every such round trip waits for the peer's delayed ACK, about 40 ms on Linux;
 * with {@code TCP_NODELAY} a loopback {@code tools/call} takes 1.5-4 ms. So a production server does
 * <pre>{@code
 * WebServer.builder()
 *         .connectionOptions(HelidonTuning::mcpConnectionOptions)
 *         ...
 * }</pre>
 */
public final class HelidonTuning {

    private HelidonTuning() {
    }

    /**
     * Applies the socket options for MCP connections: {@code TCP_NODELAY} on; everything else is left
     * as the builder had it.
     *
     * @param options the listener's connection options
     */
    public static void mcpConnectionOptions(SocketOptions.Builder options) {
        options.tcpNoDelay(true);
    }
}
