package dev.mcpoauth.core;

import dev.mcpoauth.spi.LoginHandlerProvider;
import dev.mcpoauth.spi.ProviderFactory;
import dev.mcpoauth.spi.TokenStoreProvider;
import dev.mcpoauth.spi.TransportProvider;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One pluggable part of a server and how its provider is chosen: by the id in the system property
 * {@code mcpoauth.<name>} or the environment variable {@code MCPOAUTH_<NAME>}, else by weight.
 *
 * @param name     the slot's short name, e.g. {@code store}; also the key of its id setting
 * @param type     the provider interface looked up through {@link java.util.ServiceLoader}
 * @param product  what the provider creates, for messages, e.g. {@code TokenStore}
 * @param hint     how to make a provider available, for the message when none is found
 * @param fallback the provider used when none is discovered, if the slot has a safe one
 * @param <P>      the provider interface
 */
record ProviderSlot<P extends ProviderFactory>(String name, Class<P> type, String product, String hint,
                                                      Optional<P> fallback) {

    /** The store: sqlite, redis, ...; falls back to the in-memory store. */
    public static final ProviderSlot<TokenStoreProvider> STORE = new ProviderSlot<>("store", TokenStoreProvider.class,
            "TokenStore", "add mcp-oauth-store-sqlite (or another store module) to the dependencies",
            Optional.of(new InMemoryTokenStoreProvider()));
    /** The login page; no fallback. */
    public static final ProviderSlot<LoginHandlerProvider> LOGIN = new ProviderSlot<>("login",
            LoginHandlerProvider.class, "LoginHandler",
            "add mcp-oauth-login-default to the dependencies, or give the builder a LoginHandler", Optional.empty());
    /** The HTTP transport; no fallback. */
    public static final ProviderSlot<TransportProvider> TRANSPORT = new ProviderSlot<>("transport",
            TransportProvider.class, "Transport", "add mcp-oauth-helidon to the dependencies", Optional.empty());

    /** Checks the values are present. */
    public ProviderSlot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(fallback, "fallback");
    }

    /** The system property naming the provider id, e.g. {@code mcpoauth.store}. */
    public String systemProperty() {
        return "mcpoauth." + name;
    }

    /** The environment variable naming the provider id, e.g. {@code MCPOAUTH_STORE}. */
    public String environmentVariable() {
        return "MCPOAUTH_" + name.toUpperCase(Locale.ROOT);
    }
}
