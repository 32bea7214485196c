package dev.mcpoauth;

/**
 * A {@link TokenStore} could not do what was asked: its database is unreachable, a statement
 * failed, a value could not be read back. The transport answers such requests with
 * {@code 503 temporarily_unavailable} and logs the cause; the client never sees it.
 *
 * <p>An operation that throws this has changed nothing: stores write each operation atomically.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the store was doing, never a secret value
     * @param cause   the underlying failure
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without an underlying cause.
     *
     * @param message what the store was doing, never a secret value
     */
    public StorageException(String message) {
        super(message);
    }
}
