/**
 * The embedded default TokenStore on SQLite (Jdbi 3 and sqlite-jdbc); provider id {@code sqlite},
 * setting {@code db.path} (default {@code auth.db}).
 *
 * <p>JVMs that load it should pass {@code --enable-native-access=org.xerial.sqlitejdbc} (or
 * {@code ALL-UNNAMED} on the class path): sqlite-jdbc loads its native library.
 */
module dev.mcpoauth.store.sqlite {
    requires transitive dev.mcpoauth;
    requires org.jdbi.v3.core;
    requires org.xerial.sqlitejdbc;
    // Jdbi is an automatic module and declares no requires: resolve what it needs ourselves.
    requires io.leangen.geantyref;
    requires org.slf4j;

    exports dev.mcpoauth.store.sqlite;

    provides dev.mcpoauth.spi.TokenStoreProvider with dev.mcpoauth.store.sqlite.SqliteTokenStoreProvider;
}
