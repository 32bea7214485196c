package dev.mcpoauth.spi;

import java.util.Optional;

/**
 * What the engine hands a {@link TransportProvider}. The API cannot name the engine's types (arrows
 * point toward the API), so components are looked up by type: the engine module documents which it
 * supplies, and a transport module, which depends on the engine, asks for them.
 */
public interface TransportContext {

    /** The server's name, as given to the builder. */
    String appName();

    /** The settings of the server, e.g. {@code host} and {@code port}. */
    ProviderSettings settings();

    /**
     * A component of the server.
     *
     * @param type the component's type
     * @param <T>  the component's type
     * @return the component, or empty when the engine supplies none of that type
     */
    <T> Optional<T> component(Class<T> type);

    /**
     * A component the transport cannot work without.
     *
     * @param type the component's type
     * @param <T>  the component's type
     * @return the component
     * @throws ProviderConfigurationException when the engine supplies none of that type
     */
    default <T> T require(Class<T> type) {
        return component(type).orElseThrow(() -> new ProviderConfigurationException(
                "the transport needs a " + type.getName() + " but the server supplies none"));
    }
}
