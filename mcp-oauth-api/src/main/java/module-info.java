/**
 * The mcp-oauth API: what a user implements or touches ({@link dev.mcpoauth.UserChecker},
 * {@link dev.mcpoauth.TokenStore}, {@link dev.mcpoauth.LoginHandler}, {@link dev.mcpoauth.Transport}),
 * the values they exchange, the protocol error type, and in {@code dev.mcpoauth.spi} the
 * {@link java.util.ServiceLoader} factories through which stores, login pages and transports are
 * discovered.
 *
 * <p>This module depends on {@code java.base} only, so that a custom store or login page never
 * pulls in the engine, a web server or a JSON library.
 */
module dev.mcpoauth {
    exports dev.mcpoauth;
    exports dev.mcpoauth.spi;
}
