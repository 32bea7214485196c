package dev.mcpoauth.testing;

import static dev.mcpoauth.testing.TestValues.LONG;
import static dev.mcpoauth.testing.TestValues.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.Grant;
import dev.mcpoauth.PendingAuthorization;
import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.SigningKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fidelity part of the contract: every field comes back as it went in, including empty
 * optionals, collection order, awkward strings, and instants to the millisecond.
 */
public interface RoundTripContract extends StoreFixture {

    /** Strings that break naive SQL, JSON, CSV or LIKE handling, and text outside the BMP. */
    String NASTY = "'; DROP TABLE clients; -- \"quoted\" `tick` \\back\\slash %_* \t tab\nline "
            + "ünïcödé 日本語 🔐🚀 {\"json\":[1,2]} ,;|";

    /** A public client with every optional empty and no scopes comes back with them empty. */
    @Test
    default void clientWithEveryOptionalEmptyRoundTrips() {
        RegisteredClient client = TestValues.publicClient("bare");
        store().saveClient(client);
        RegisteredClient read = store().findClient("bare").orElseThrow();
        assertThat(read).isEqualTo(client);
        assertThat(read.secretHash()).isEmpty();
        assertThat(read.secretExpiresAt()).isEmpty();
        assertThat(read.clientName()).isEmpty();
        assertThat(read.clientUri()).isEmpty();
        assertThat(read.logoUri()).isEmpty();
        assertThat(read.scopes()).isEmpty();
    }

    /** Lists and scope sets keep their order: scopes print back as they were asked. */
    @Test
    default void clientCollectionsKeepTheirOrder() {
        RegisteredClient client = TestValues.confidentialClient("ordered");
        store().saveClient(client);
        RegisteredClient read = store().findClient("ordered").orElseThrow();
        assertThat(read.redirectUris()).containsExactlyElementsOf(client.redirectUris());
        assertThat(read.grantTypes()).containsExactlyElementsOf(client.grantTypes());
        assertThat(List.copyOf(read.scopes())).containsExactlyElementsOf(client.scopes());
        assertThat(read.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    /** SQL metacharacters, quotes, control characters and emoji round-trip unchanged in every kind of value. */
    @Test
    default void sqlMetacharactersAndUnicodeRoundTripUnchanged() {
        String id = "id " + NASTY;
        // Scope tokens follow RFC 6749 §3.3 (printable ASCII, no space, quote or backslash); a store may rely on it.
        Set<String> scopes = TestValues.ordered("scope'1", "drop;table", "%_*", "x,y|z", "{[<>]}");
        RegisteredClient client = new RegisteredClient(id, Optional.of("hash " + NASTY), NOW, Optional.empty(),
                List.of("https://x.test/cb?q='1'&r=\"2\"", "app://🚀/cb"), List.of("authorization_code"),
                ClientAuthMethod.CLIENT_SECRET_POST, scopes, Optional.of(NASTY), Optional.of("https://x.test/" + NASTY),
                Optional.of("https://x.test/🔐.png"));
        PendingAuthorization pending = new PendingAuthorization("pending " + NASTY, id, "app://🚀/cb", false,
                Optional.of(NASTY), "challenge " + NASTY, scopes, "https://x.test/" + NASTY, NOW, NOW.plus(LONG));
        AuthorizationCode code = new AuthorizationCode("code " + NASTY, "grant " + NASTY, id, "app://🚀/cb", true,
                "challenge " + NASTY, scopes, "https://x.test/" + NASTY, "user " + NASTY, NOW, NOW.plus(LONG));
        Grant grant = new Grant("grant " + NASTY, id, "user " + NASTY, scopes, "https://x.test/" + NASTY, NOW,
                NOW.plus(LONG), false);
        SigningKey key = new SigningKey("kid " + NASTY, "ES256", "{\"d\":\"" + NASTY + "\"}", NOW, NOW.plus(LONG),
                NOW.plus(LONG));

        store().saveClient(client);
        store().savePendingAuthorization(pending);
        store().saveAuthorizationCode(code);
        store().saveGrant(grant, "refresh " + NASTY, NOW.plus(LONG));
        store().saveSigningKey(key);
        store().revokeAccessToken("jti " + NASTY, NOW.plus(LONG));

        assertThat(store().findClient(id)).contains(client);
        assertThat(List.copyOf(store().findClient(id).orElseThrow().scopes())).containsExactlyElementsOf(scopes);
        assertThat(store().findPendingAuthorization("pending " + NASTY, NOW)).contains(pending);
        assertThat(store().redeemAuthorizationCode("code " + NASTY, NOW)).isEqualTo(new CodeRedemption.Redeemed(code));
        assertThat(store().findGrant("grant " + NASTY)).contains(grant);
        assertThat(store().findGrantByRefreshToken("refresh " + NASTY, NOW)).contains(grant);
        assertThat(store().signingKeys(NOW)).containsExactly(key);
        assertThat(store().isAccessTokenRevoked("jti " + NASTY)).isTrue();
        assertThat(store().isAccessTokenRevoked("jti ")).isFalse();
    }

    /**
     * Instants keep at least millisecond precision: whole milliseconds come back exactly, finer ones
     * come back either exactly or truncated to the millisecond, never rounded up. Dates before 1970
     * and far in the future survive too.
     */
    @Test
    default void instantsRoundTripToTheMillisecond() {
        Instant fine = Instant.parse("2026-11-05T10:15:30.123456789Z");
        Instant early = Instant.parse("1969-07-20T20:17:40.001Z");
        Instant farFuture = Instant.parse("9999-12-31T23:59:59.999Z");
        RegisteredClient client = new RegisteredClient("timed", Optional.empty(), early, Optional.of(farFuture),
                List.of("https://x.test/cb"), List.of("authorization_code"), ClientAuthMethod.NONE, Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
        store().saveClient(client);
        assertThat(store().findClient("timed")).contains(client);

        Grant grant = new Grant("g-fine", "timed", "u", Set.of(), TestValues.RESOURCE, fine, farFuture, false);
        store().saveGrant(grant, "rt-fine", farFuture);
        Instant readBack = store().findGrant("g-fine").orElseThrow().createdAt();
        assertThat(readBack).isIn(fine, fine.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A pending request without a client state, and with an implicit redirect URI, comes back so. */
    @Test
    default void pendingWithoutClientStateRoundTrips() {
        PendingAuthorization pending = new PendingAuthorization("p-bare", registerClient("bare-client"),
                "http://localhost:9/cb", false, Optional.empty(), "challenge", Set.of(), TestValues.RESOURCE, NOW,
                NOW.plusSeconds(1));
        store().savePendingAuthorization(pending);
        PendingAuthorization read = store().findPendingAuthorization("p-bare", NOW).orElseThrow();
        assertThat(read).isEqualTo(pending);
        assertThat(read.clientState()).isEmpty();
        assertThat(read.redirectUriExplicit()).isFalse();
    }
}
