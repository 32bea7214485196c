package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.StorageException;
import org.junit.jupiter.api.Test;

/** The client part of the contract: save, find, duplicate ids, delete and its cascade. */
public interface ClientContract extends StoreFixture {

    /** A saved client is found, equal in every field. */
    @Test
    default void saveClientThenFindClientReturnsEqualClient() {
        RegisteredClient client = TestValues.confidentialClient("client-1");
        store().saveClient(client);
        assertThat(store().findClient("client-1")).contains(client);
    }

    /** An unknown id finds nothing rather than failing. */
    @Test
    default void findClientWhenUnknownThenEmpty() {
        assertThat(store().findClient("no-such-client")).isEmpty();
    }

    /** A second client with a taken id is refused, and the first one is left exactly as it was. */
    @Test
    default void saveClientWhenIdExistsThenThrowsAndKeepsOriginal() {
        RegisteredClient original = TestValues.confidentialClient("dup");
        store().saveClient(original);
        assertThatThrownBy(() -> store().saveClient(TestValues.publicClient("dup")))
                .as("client ids are unique: a duplicate must not overwrite a registered client")
                .isInstanceOf(StorageException.class);
        assertThat(store().findClient("dup")).contains(original);
    }

    /** Delete reports true once, then false, and the client is gone. */
    @Test
    default void deleteClientReturnsTrueOnceThenFalse() {
        store().saveClient(TestValues.publicClient("gone"));
        assertThat(store().deleteClient("gone")).isTrue();
        assertThat(store().deleteClient("gone")).isFalse();
        assertThat(store().findClient("gone")).isEmpty();
    }

    /** Deleting an unknown client is not an error. */
    @Test
    default void deleteClientWhenUnknownThenFalse() {
        assertThat(store().deleteClient("never-registered")).isFalse();
    }

    /** Deleting a client removes its pending requests, codes and grants, and nobody else's. */
    @Test
    default void deleteClientCascadesToPendingRequestsCodesAndGrantsOfThatClientOnly() {
        for (String c : new String[] {"victim", "bystander"}) {
            store().saveClient(TestValues.publicClient(c));
            store().savePendingAuthorization(TestValues.pending("pending-" + c, c));
            store().saveAuthorizationCode(TestValues.code("code-" + c, c, "grant-from-code-" + c));
            store().saveGrant(TestValues.grant("grant-" + c, c), "refresh-" + c, NOW.plus(TestValues.LONG));
        }

        assertThat(store().deleteClient("victim")).isTrue();

        assertThat(store().findPendingAuthorization("pending-victim", NOW)).isEmpty();
        assertThat(store().redeemAuthorizationCode("code-victim", NOW)).isInstanceOf(CodeRedemption.NotFound.class);
        assertThat(store().findGrant("grant-victim")).isEmpty();
        assertThat(store().findGrantByRefreshToken("refresh-victim", NOW)).isEmpty();
        assertThat(store().rotateRefreshToken("refresh-victim", "refresh-victim-2", NOW.plus(TestValues.LONG), NOW))
                .isInstanceOf(RefreshRotation.Invalid.class);

        assertThat(store().findClient("bystander")).isPresent();
        assertThat(store().findPendingAuthorization("pending-bystander", NOW)).isPresent();
        assertThat(store().findGrant("grant-bystander")).isPresent();
        assertThat(store().findGrantByRefreshToken("refresh-bystander", NOW)).isPresent();
        assertThat(store().redeemAuthorizationCode("code-bystander", NOW)).isInstanceOf(CodeRedemption.Redeemed.class);
    }
}
