package dev.mcpoauth.spi;

import dev.mcpoauth.LoginHandler;

/**
 * Creates a {@link LoginHandler}. The default login page module provides one with id {@code default}.
 */
public interface LoginHandlerProvider extends ProviderFactory {

    /**
     * Creates the handler.
     *
     * @param settings includes {@code app.name}, and {@code login.template} when the user gave one
     * @return the handler
     * @throws ProviderConfigurationException when a setting is wrong
     */
    LoginHandler create(ProviderSettings settings);
}
