package dev.mcpoauth.spi;

import dev.mcpoauth.TokenStore;

/**
 * Creates a {@link TokenStore}. Provided by store modules ({@code sqlite}, {@code redis}) through
 * {@code provides dev.mcpoauth.spi.TokenStoreProvider with ...}.
 */
public interface TokenStoreProvider extends ProviderFactory {

    /**
     * Creates the store, opening connections and creating or migrating its schema.
     *
     * @param settings the settings this provider documents
     * @return a ready store, owned by the caller, who closes it
     * @throws ProviderConfigurationException when a setting is missing or wrong
     * @throws dev.mcpoauth.StorageException  when the store cannot be opened
     */
    TokenStore create(ProviderSettings settings);
}
