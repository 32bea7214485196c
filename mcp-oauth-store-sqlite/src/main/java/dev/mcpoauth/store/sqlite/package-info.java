/**
 * The embedded default {@link dev.mcpoauth.TokenStore} on SQLite (Jdbi 3 and sqlite-jdbc), provider
 * id {@code sqlite}: {@link dev.mcpoauth.store.sqlite.SqliteTokenStore} and its
 * {@link dev.mcpoauth.store.sqlite.SqliteTokenStoreProvider}.
 */
package dev.mcpoauth.store.sqlite;
