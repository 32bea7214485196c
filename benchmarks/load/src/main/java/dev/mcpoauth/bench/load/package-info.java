/**
 * Servers for the load benchmark ({@code benchmarks/load/run.sh}) that the product does not offer:
 * the MCP endpoint without OAuth, as the baseline for the authentication overhead, and a raw Helidon
 * route, as the ceiling of the web server on one core.
 *
 * <p>Runs on the class path, not the module path: there JPMS encapsulation does not apply, so these
 * classes can use the Helidon transport's internal packages exactly as the product does.
 */
package dev.mcpoauth.bench.load;
