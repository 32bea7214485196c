/**
 * The three examples of the original library, in Java: {@code SimpleServer}, {@code CustomServer}
 * and {@code FileCredentialsServer}, plus {@code PasswordHash}, which prints a users-file line with a
 * hashed password. Not published.
 *
 * <p>Only the API and the core are required at compile time; the store, the login page and the
 * transport are found on the module path through their providers, as in a user's application.
 */
module dev.mcpoauth.examples {
    requires dev.mcpoauth.core;
    // Providers the examples expect on the module path; required so that `java -m` resolves them.
    requires dev.mcpoauth.store.sqlite;
    requires dev.mcpoauth.store.redis;
    requires dev.mcpoauth.login;
    requires dev.mcpoauth.helidon;
    // jose4j and Jdbi log through SLF4J; this binds it to java.util.logging.
    requires org.slf4j.jul;
    requires io.helidon.logging.jul;

    exports dev.mcpoauth.examples;
}
