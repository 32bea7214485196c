package dev.mcpoauth.testing;

import dev.mcpoauth.TokenStore;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract every {@link TokenStore} must pass: extend this class, return a fresh, empty store
 * from {@link #createStore()}, and JUnit runs every test of the contract against it.
 *
 * <pre>{@code
 * class MyStoreTest extends TokenStoreContract {
 *     @TempDir Path dir;
 *     protected TokenStore createStore() { return MyStore.open(dir.resolve("t.db")); }
 * }
 * }</pre>
 *
 * <h2>What the contract fixes beyond the {@link TokenStore} Javadoc</h2>
 * <ul>
 *   <li>Time: every test passes {@code now} explicitly and never sleeps. A row whose
 *       {@code expiresAt} equals {@code now} is expired (the same rule as the records'
 *       {@code isExpired}).</li>
 *   <li>Instant precision: a store keeps at least milliseconds. Whole-millisecond instants come back
 *       exactly; finer ones exactly or truncated to the millisecond (the engine must therefore never
 *       compare a read-back instant with the one it wrote for equality below the millisecond).</li>
 *   <li>Values round-trip exactly: empty optionals stay empty, lists and scope sets keep their
 *       order, strings keep quotes, SQL metacharacters, control characters and emoji. Scopes follow
 *       RFC 6749 §3.3 syntax. Hashes and ids are opaque, case-sensitive keys.</li>
 *   <li>{@code saveClient} with a taken id throws {@link dev.mcpoauth.StorageException} and leaves
 *       the first client unchanged.</li>
 *   <li>A client is "unused" from {@code saveClient} until {@code markClientUsed}; clients saved by
 *       an older version of a store count as used (they are never evicted).</li>
 *   <li>{@code purgeExpired} counts one record per pending request, code, grant, refresh token,
 *       access-token revocation and signing key deleted.</li>
 *   <li>A closed store throws {@link dev.mcpoauth.StorageException}; closing twice is harmless.</li>
 *   <li>Concurrency tests race 32 platform threads released by a barrier.</li>
 * </ul>
 *
 * <p>The tests live in the interfaces this class implements, one per part of the contract, so a
 * store author reads them part by part.
 */
public abstract class TokenStoreContract implements ClientContract, ClientUseContract, PendingAuthorizationContract,
        AuthorizationCodeContract, GrantContract, RefreshRotationContract, RefreshReuseGraceContract, AccessTokenContract,
        SigningKeyContract, PurgeContract, RoundTripContract, LifecycleContract, ConcurrencyContract {

    private TokenStore store;

    /** For subclasses. */
    protected TokenStoreContract() {
    }

    /**
     * Creates the store under test; called once per test, on first use.
     *
     * @return a fresh, empty store that no other test uses
     */
    protected abstract TokenStore createStore();

    /**
     * Cleans up after a test; the default closes the store. Override to also drop a database or
     * flush a server, calling {@code super.cleanUp(store)} to close.
     *
     * @param store the store the test used
     */
    protected void cleanUp(TokenStore store) {
        store.close();
    }

    // Created lazily: the parts' own @BeforeEach methods would otherwise run before this class's.
    @Override
    public final TokenStore store() {
        if (store == null) {
            store = createStore();
        }
        return store;
    }

    @AfterEach
    final void cleanUpStore() {
        if (store != null) {
            cleanUp(store);
            store = null;
        }
    }
}
