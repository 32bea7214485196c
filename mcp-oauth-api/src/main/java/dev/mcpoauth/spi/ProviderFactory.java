package dev.mcpoauth.spi;

/**
 * What every provider factory found through {@link java.util.ServiceLoader} says about itself, so
 * that the engine can choose among them: an id to ask for it by, and a weight for when nobody asks.
 *
 * <p>Factories are cheap: a public no-argument constructor and no I/O. The real object is only
 * created for the chosen provider. Two providers of one slot with the same id, or a tie at the
 * highest weight, stop the server at start with a message that says how to choose.
 */
public interface ProviderFactory {

    /** The weight of the library's own default providers; a third-party provider above it wins when nobody chooses. */
    int DEFAULT_WEIGHT = 100;

    /** The id users pass to choose this provider, e.g. {@code sqlite}; lower case, stable across releases. */
    String id();

    /** Higher wins when no provider is chosen by id. */
    default int weight() {
        return DEFAULT_WEIGHT;
    }
}
