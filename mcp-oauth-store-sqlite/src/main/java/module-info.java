/**
 * The embedded default TokenStore on SQLite (Jdbi 3 and sqlite-jdbc); provider id {@code sqlite}.
 */
module dev.mcpoauth.store.sqlite {
    requires transitive dev.mcpoauth;
    requires org.jdbi.v3.core;
    requires org.xerial.sqlitejdbc;
    exports dev.mcpoauth.store.sqlite;
}
