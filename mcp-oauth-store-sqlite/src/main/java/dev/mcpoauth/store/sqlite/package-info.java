/**
 * The embedded default TokenStore on SQLite (Jdbi 3 and sqlite-jdbc); provider id {@code sqlite}.
 */
package dev.mcpoauth.store.sqlite;
