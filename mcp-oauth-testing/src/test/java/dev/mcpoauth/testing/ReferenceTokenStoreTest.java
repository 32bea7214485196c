package dev.mcpoauth.testing;

import dev.mcpoauth.TokenStore;

/** Runs the contract against {@link ReferenceTokenStore}, proving every contract test can pass. */
class ReferenceTokenStoreTest extends TokenStoreContract {

    @Override
    protected TokenStore createStore() {
        return new ReferenceTokenStore();
    }
}
