/**
 * The conformance fixture: an mcp-oauth server with authentication on that serves every tool,
 * resource and prompt the MCP conformance suite's server scenarios call for (the counterpart of the
 * suite's TypeScript "everything-server"), launched with {@code java -m} on the real module graph.
 * Not published; exports nothing.
 */
module dev.mcpoauth.it {
    requires dev.mcpoauth.core;
    // The providers a deployment has on its module path; required so that `java -m` resolves them.
    requires dev.mcpoauth.store.sqlite;
    requires dev.mcpoauth.login;
    requires dev.mcpoauth.helidon;
    // jose4j and Jdbi log through SLF4J; this binds it to java.util.logging.
    requires org.slf4j.jul;
}
