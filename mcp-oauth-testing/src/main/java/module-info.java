/**
 * Contract test suites every {@code dev.mcpoauth.TokenStore} implementation must pass; a test-scope
 * dependency of each store module. Its JUnit and AssertJ dependencies are compile scope, because
 * the suite itself is built from them.
 */
module dev.mcpoauth.testing {
    requires transitive dev.mcpoauth;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    requires transitive java.logging;

    exports dev.mcpoauth.testing;
    // JUnit invokes the package-private lifecycle method reflectively.
    opens dev.mcpoauth.testing to org.junit.platform.commons;
}
