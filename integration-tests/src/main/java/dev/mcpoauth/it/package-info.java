/**
 * The conformance fixture server ({@link dev.mcpoauth.it.ConformanceServer}) and the MCP features it
 * serves, named and shaped as the MCP conformance suite's server scenarios expect.
 */
package dev.mcpoauth.it;
