package dev.mcpoauth.spi;

import dev.mcpoauth.Transport;

/**
 * Creates a {@link Transport}. The Helidon module provides one with id {@code helidon}.
 */
public interface TransportProvider extends ProviderFactory {

    /**
     * Creates the transport, unstarted.
     *
     * @param context what the transport serves: the engine, the login handler, the MCP server
     *                definition and the settings
     * @return the transport
     * @throws ProviderConfigurationException when the context lacks something this transport needs
     */
    Transport create(TransportContext context);
}
