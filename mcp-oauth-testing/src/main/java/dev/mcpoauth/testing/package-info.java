/**
 * Contract test suites that every {@link dev.mcpoauth.TokenStore} implementation must pass: extend
 * {@link dev.mcpoauth.testing.TokenStoreContract}. The suite is split into one interface per part
 * of the contract (clients, pending requests, codes, grants, rotation, access tokens, keys, purge,
 * round-trip fidelity, lifecycle, concurrency); {@link dev.mcpoauth.testing.TestValues} holds the
 * sample values they use.
 */
package dev.mcpoauth.testing;
