package dev.mcpoauth.core;

import dev.mcpoauth.TokenStore;
import dev.mcpoauth.testing.TokenStoreContract;

/** The shared TokenStore contract, run against the in-memory store. */
class InMemoryTokenStoreContractTest extends TokenStoreContract {

    @Override
    protected TokenStore createStore() {
        return new InMemoryTokenStore();
    }
}
