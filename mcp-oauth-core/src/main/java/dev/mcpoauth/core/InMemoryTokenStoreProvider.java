package dev.mcpoauth.core;

import dev.mcpoauth.TokenStore;
import dev.mcpoauth.spi.ProviderSettings;
import dev.mcpoauth.spi.TokenStoreProvider;

/**
 * The in-memory store as a provider, id {@code memory}: the store slot's fallback, and what
 * {@code mcpoauth.store=memory} chooses. Not registered with {@link java.util.ServiceLoader}, so that it
 * never competes with a real store by weight.
 */
final class InMemoryTokenStoreProvider implements TokenStoreProvider {

    /** The provider id. */
    public static final String ID = "memory";

    @Override
    public String id() {
        return ID;
    }

    /** Below every real store. */
    @Override
    public int weight() {
        return Integer.MIN_VALUE;
    }

    @Override
    public TokenStore create(ProviderSettings settings) {
        return new InMemoryTokenStore();
    }
}
