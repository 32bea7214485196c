package dev.mcpoauth;

import java.net.URI;

/**
 * The HTTP side of a server: listens, serves the OAuth endpoints, the login page and the protected
 * MCP endpoint. Created by a {@link dev.mcpoauth.spi.TransportProvider}.
 *
 * <p>{@link #start()} and {@link #stop()} may each be called once, in that order.
 */
public interface Transport extends AutoCloseable {

    /** Binds the port and starts serving; returns when requests are accepted. */
    void start();

    /** Stops accepting requests, closes MCP sessions and releases the port. */
    void stop();

    /** The port actually bound (useful when port 0 asked for an ephemeral one); only after {@link #start()}. */
    int port();

    /** The URI at which the server is reachable, e.g. {@code http://localhost:3000}; only after {@link #start()}. */
    URI baseUri();

    /** Same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }
}
