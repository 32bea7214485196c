package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.RegisteredClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The client-use part of the contract, behind the engine's cap on registrations: counting clients,
 * marking a client used, listing never-used clients oldest first, and deleting only never-used ones.
 */
public interface ClientUseContract extends StoreFixture {

    /** A public client issued at {@code issuedAt}. */
    private static RegisteredClient issued(String clientId, Instant issuedAt) {
        RegisteredClient c = TestValues.publicClient(clientId);
        return new RegisteredClient(clientId, Optional.empty(), issuedAt, Optional.empty(), c.redirectUris(),
                c.grantTypes(), c.authMethod(), c.scopes(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Every saved client counts, used or not, and a deleted one no longer does. */
    @Test
    default void countClientsCountsSavedClientsAndForgetsDeletedOnes() {
        assertThat(store().countClients()).isZero();
        registerClient("a");
        registerClient("b");
        store().markClientUsed("b", NOW);
        assertThat(store().countClients()).isEqualTo(2);
        store().deleteClient("a");
        assertThat(store().countClients()).isEqualTo(1);
    }

    /** Never-used clients issued before the instant come back oldest first, at most {@code limit}. */
    @Test
    default void unusedClientsListsNeverUsedClientsIssuedBeforeTheInstantOldestFirst() {
        store().saveClient(issued("newer", NOW.minusSeconds(10)));
        store().saveClient(issued("oldest", NOW.minusSeconds(30)));
        store().saveClient(issued("used", NOW.minusSeconds(40)));
        store().saveClient(issued("middle", NOW.minusSeconds(20)));
        store().saveClient(issued("future", NOW.plusSeconds(5)));
        store().markClientUsed("used", NOW);

        assertThat(store().unusedClients(NOW, 10)).containsExactly("oldest", "middle", "newer");
        assertThat(store().unusedClients(NOW, 2)).containsExactly("oldest", "middle");
        assertThat(store().unusedClients(NOW.minusSeconds(20), 10))
                .as("strictly before: a client issued at the instant is not listed").containsExactly("oldest");
    }

    /** Marking an unknown client used changes nothing and fails nothing. */
    @Test
    default void markClientUsedWhenUnknownThenNothingHappens() {
        store().markClientUsed("nobody", NOW);
        assertThat(store().countClients()).isZero();
        assertThat(store().findClient("nobody")).isEmpty();
    }

    /** A never-used client is deleted with everything issued to it; a used one is kept. */
    @Test
    default void deleteUnusedClientDeletesOnlyNeverUsedClientsWithTheirPendingRequests() {
        registerClient("idle");
        store().savePendingAuthorization(TestValues.pending("pending-idle", "idle"));
        registerClient("active");
        store().markClientUsed("active", NOW);

        assertThat(store().deleteUnusedClient("idle")).isTrue();
        assertThat(store().deleteUnusedClient("idle")).as("once").isFalse();
        assertThat(store().deleteUnusedClient("active")).as("a used client is never evicted").isFalse();
        assertThat(store().deleteUnusedClient("unknown")).isFalse();

        assertThat(store().findClient("idle")).isEmpty();
        assertThat(store().findPendingAuthorization("pending-idle", NOW)).isEmpty();
        assertThat(store().findClient("active")).isPresent();
        assertThat(store().unusedClients(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(store().countClients()).isEqualTo(1);
    }

    /** Marking used and evicting race: the client ends either used and kept, or deleted. */
    @Test
    default void deleteUnusedClientRacingMarkClientUsedThenEitherKeptAsUsedOrDeleted() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = registerClient("racer-" + round);
            List<Boolean> results = Race.run(2, i -> () -> {
                if (i == 0) {
                    store().markClientUsed(id, NOW);
                    return false;
                }
                return store().deleteUnusedClient(id);
            });
            boolean deleted = results.get(1);
            boolean present = store().findClient(id).isPresent();
            assertThat(present).as("round %d: deleted exactly when not kept", round).isEqualTo(!deleted);
            if (present) {
                assertThat(store().unusedClients(NOW.plusSeconds(1), 100)).doesNotContain(id);
            }
        }
    }

    /** A listed id is one the store really has: nothing but saved, unused clients. */
    @Test
    default void unusedClientsWhenStoreIsEmptyThenEmpty() {
        assertThat(store().unusedClients(NOW.plus(Duration.ofDays(365)), 5)).isEqualTo(List.of());
    }
}
