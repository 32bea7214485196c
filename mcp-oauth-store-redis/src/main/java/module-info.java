/**
 * A TokenStore on a Redis server, for more than one instance; provider id {@code redis}.
 */
module dev.mcpoauth.store.redis {
    requires transitive dev.mcpoauth;
    exports dev.mcpoauth.store.redis;
}
