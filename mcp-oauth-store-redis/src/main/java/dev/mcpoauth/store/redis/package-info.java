/**
 * A TokenStore on a Redis server, for more than one instance; provider id {@code redis}.
 */
package dev.mcpoauth.store.redis;
