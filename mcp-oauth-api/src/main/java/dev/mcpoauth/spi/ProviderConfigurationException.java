package dev.mcpoauth.spi;

/**
 * A provider cannot be chosen or created: none found, two with one id, a tie at the top weight, a
 * missing or wrong setting. The message says how to fix it. Thrown at start, never per request.
 */
public class ProviderConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public ProviderConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and how to fix it
     * @param cause   the underlying failure
     */
    public ProviderConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
