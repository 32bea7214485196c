/**
 * The default login page: an escaped HTML template with the original's macros; provider id {@code default}.
 */
package dev.mcpoauth.login;
