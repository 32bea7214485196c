package dev.mcpoauth.testing;

import dev.mcpoauth.TokenStore;

/**
 * What every part of the contract needs: the store under test, fresh and empty for each test.
 *
 * <p>Implemented by {@link TokenStoreContract}; store authors extend that class rather than
 * implementing this interface themselves.
 */
public interface StoreFixture {

    /** The store under test; created on first use in each test and cleaned up after it. */
    TokenStore store();

    /**
     * Registers a public client, so that the rows a test saves for it belong to a real client.
     *
     * @param clientId the id of the new client
     * @return {@code clientId}
     */
    default String registerClient(String clientId) {
        store().saveClient(TestValues.publicClient(clientId));
        return clientId;
    }
}
