/**
 * Contract test suites that every TokenStore implementation must pass.
 */
module dev.mcpoauth.testing {
    requires transitive dev.mcpoauth;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    exports dev.mcpoauth.testing;
}
