/**
 * Contract test suites that every TokenStore implementation must pass.
 */
package dev.mcpoauth.testing;
