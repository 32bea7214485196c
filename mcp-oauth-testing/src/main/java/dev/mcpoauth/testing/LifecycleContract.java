package dev.mcpoauth.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpoauth.StorageException;
import org.junit.jupiter.api.Test;

/** The lifecycle part of the contract: a closed store refuses work with {@link StorageException}. */
public interface LifecycleContract extends StoreFixture {

    /** After close, reads and writes fail with the store's own exception type, not NPEs or SQL errors. */
    @Test
    default void closeThenOperationsThrowStorageException() {
        store().saveClient(TestValues.publicClient("before-close"));
        store().close();
        assertThatThrownBy(() -> store().findClient("before-close")).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store().saveClient(TestValues.publicClient("after-close")))
                .isInstanceOf(StorageException.class);
    }

    /** Closing twice is harmless, so shutdown hooks and try-with-resources may both close. */
    @Test
    default void closeTwiceIsHarmless() {
        store().close();
        assertThatCode(() -> store().close()).doesNotThrowAnyException();
    }
}
