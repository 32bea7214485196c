/**
 * The default login page: an escaped HTML template with the original's macros, a CSRF-protected form
 * and a strict Content-Security-Policy; its stylesheet and icon are classpath assets
 * ({@link dev.mcpoauth.login.LoginAssets}). Provider id {@code default}.
 */
module dev.mcpoauth.login {
    requires transitive dev.mcpoauth;
    exports dev.mcpoauth.login;
    provides dev.mcpoauth.spi.LoginHandlerProvider with dev.mcpoauth.login.DefaultLoginHandlerProvider;
}
