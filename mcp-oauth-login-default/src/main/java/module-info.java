/**
 * The default login page: an escaped HTML template with the original's macros; provider id {@code default}.
 */
module dev.mcpoauth.login {
    requires transitive dev.mcpoauth;
    exports dev.mcpoauth.login;
}
