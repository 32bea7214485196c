/**
 * JMH microbenchmarks of the mcp-oauth engine's hot paths: bearer validation, token minting, the
 * PKCE check, the code exchange, and validation against a large SQLite store. Run them with
 * {@code benchmarks/jmh.sh}; see {@code benchmarks/README.md} for what each one measures.
 *
 * <p>Not a library and not published. It runs on the class path (no module-info), so the
 * benchmarks that break a path into its parts may use the engine's internal classes directly.
 */
package dev.mcpoauth.benchmarks;
