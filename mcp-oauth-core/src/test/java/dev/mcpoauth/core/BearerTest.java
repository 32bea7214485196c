package dev.mcpoauth.core;

import dev.mcpoauth.AuthenticatedPrincipal;
import dev.mcpoauth.OAuthErrorCode;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTest {

    private static final String PRM = "http://localhost:3000/.well-known/oauth-protected-resource/mcp";

    private final Fixture fixture = new Fixture(ServerConfig.builder().supportedScopes("read", "write")
            .requiredScopes("read").build());
    private final Fixture.Client client = fixture.registerPublic();

    @AfterEach
    void close() {
        fixture.close();
    }

    private String accessToken(String... extra) {
        return (String) fixture.exchange(client, fixture.authorize(client, extra)).get("access_token");
    }

    private BearerResult.Challenge challenge(Optional<String> header) {
        BearerResult result = fixture.server.authenticate(header);
        assertThat(result).isInstanceOf(BearerResult.Challenge.class);
        return (BearerResult.Challenge) result;
    }

    private void assertInvalidToken(String token) {
        BearerResult.Challenge challenge = challenge(Optional.of("Bearer " + token));
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.error()).contains(OAuthErrorCode.INVALID_TOKEN);
        assertThat(challenge.wwwAuthenticate()).startsWith("Bearer error=\"invalid_token\", error_description=\"")
                .endsWith("resource_metadata=\"" + PRM + "\", scope=\"read\"");
    }

    /** A real token's claims, changed, signed again with the server's own key. */
    private String tamper(Consumer<JwtClaims> change, Consumer<JsonWebSignature> header) throws Exception {
        JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build().processToClaims(accessToken());
        change.accept(claims);
        PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(
                fixture.store.signingKeys(fixture.clock.instant()).getFirst().privateJwk());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", "at+jwt");
        header.accept(jws);
        return jws.getCompactSerialization();
    }

    private String tamper(Consumer<JwtClaims> change) throws Exception {
        return tamper(change, jws -> { });
    }

    @Test
    void authenticateWhenNoTokenThenChallengeWithoutErrorPointsToMetadata() {
        BearerResult.Challenge challenge = challenge(Optional.empty());

        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.error()).isEmpty();
        assertThat(challenge.wwwAuthenticate()).isEqualTo("Bearer resource_metadata=\"" + PRM + "\", scope=\"read\"");
        assertThat(challenge.toJson()).isEmpty();
    }

    @Test
    void authenticateWhenAnotherSchemeThenTreatedAsNoToken() {
        assertThat(challenge(Optional.of("Basic YTpi")).error()).isEmpty();
        assertThat(challenge(Optional.of("Bearerx abc")).error()).isEmpty();
    }

    @Test
    void authenticateWhenNothingRequiredThenChallengeNamesTheDefaultScopesWithoutOfflineAccess() {
        ServerConfig config = ServerConfig.builder().supportedScopes("mcp", "offline_access", "files").build();
        try (Fixture open = new Fixture(config); Fixture none = new Fixture(ServerConfig.builder().supportedScopes().build())) {
            assertThat(((BearerResult.Challenge) open.server.authenticate(Optional.empty())).wwwAuthenticate())
                    .as("MCP 2025-11-25: the challenge names the scopes to ask for; 2026-07-28: never offline_access")
                    .isEqualTo("Bearer resource_metadata=\"" + PRM + "\", scope=\"mcp files\"");
            assertThat(((BearerResult.Challenge) none.server.authenticate(Optional.empty())).wwwAuthenticate())
                    .as("a server without scopes names none").isEqualTo("Bearer resource_metadata=\"" + PRM + "\"");
        }
    }

    @Test
    void authenticateWhenValidThenPrincipalCarriesUserClientScopesAndExpiry() {
        String token = accessToken("scope", "read write");

        BearerResult result = fixture.server.authenticate(Optional.of("bearer " + token));

        AuthenticatedPrincipal principal = ((BearerResult.Authenticated) result).principal();
        assertThat(principal.userId()).isEqualTo(Fixture.USER_ID);
        assertThat(principal.clientId()).isEqualTo(client.id());
        assertThat(principal.scopes()).containsExactly("read", "write");
        assertThat(principal.tokenId()).isNotBlank();
        assertThat(principal.expiresAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void authenticateWhenRequiredScopeMissingThen403ListingAllRequiredScopes() {
        String token = accessToken("scope", "write");

        BearerResult.Challenge challenge = challenge(Optional.of("Bearer " + token));

        assertThat(challenge.status()).isEqualTo(403);
        assertThat(challenge.error()).contains(OAuthErrorCode.INSUFFICIENT_SCOPE);
        assertThat(challenge.wwwAuthenticate()).isEqualTo("Bearer error=\"insufficient_scope\", "
                + "error_description=\"the access token lacks a required scope\", resource_metadata=\"" + PRM
                + "\", scope=\"read\"");
        assertThat(challenge.toJson()).containsEntry("error", "insufficient_scope").containsKey("error_description");
        Fixture.assertRendersWithoutNull(challenge.toJson());
    }

    @Test
    void authenticateWhenMalformedThenInvalidToken() {
        assertInvalidToken("");
        assertInvalidToken("not a token");
        assertInvalidToken("abc.def.ghi");
        assertInvalidToken("\"quoted\"");
        assertThat(challenge(Optional.of("Bearer not a token")).wwwAuthenticate())
                .contains("does not hold a bearer token");
        assertThat(challenge(Optional.of("Bearer abc.def.ghi")).wwwAuthenticate()).contains("invalid, expired or revoked");
        assertThat(challenge(Optional.of("Bearer " + accessToken() + "\u00e9")).wwwAuthenticate())
                .as("a valid token with a character outside b64token").contains("does not hold a bearer token");
    }

    @Test
    void authenticateWhenExpiredBeyondClockSkewThenInvalidToken() {
        String token = accessToken();
        fixture.clock.advance(Duration.ofHours(1).plusSeconds(31));

        assertInvalidToken(token);
    }

    @Test
    void authenticateWhenSignatureDoesNotVerifyThenInvalidToken() {
        String token = accessToken();
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(10);
        parts[2] = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);

        assertInvalidToken(String.join(".", parts));
    }

    @Test
    void authenticateWhenIssuerAudienceOrTypeWrongThenInvalidToken() throws Exception {
        assertInvalidToken(tamper(c -> c.setIssuer("http://evil.example")));
        assertInvalidToken(tamper(c -> c.setAudience("http://localhost:3000/other")));
        assertInvalidToken(tamper(c -> { }, jws -> jws.setHeader("typ", "JWT")));
        assertInvalidToken(tamper(c -> c.unsetClaim("grant_id")));
        assertInvalidToken(tamper(c -> c.unsetClaim("exp")));
    }

    @Test
    void authenticateWhenTamperedButProperlySignedThenOnlyValidClaimsPass() throws Exception {
        assertThat(fixture.bearer(tamper(c -> { }))).as("the unchanged re-signed token is fine, so the checks above "
                + "fail for the reason they name").isInstanceOf(BearerResult.Authenticated.class);
    }

    @Test
    void authenticateWhenAlgorithmIsNoneOrHmacThenInvalidToken() throws Exception {
        String unsigned = tamper(c -> { }, jws -> {
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
            jws.setKey(null);
            jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        });
        String hmac = tamper(c -> { }, jws -> {
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKey(new HmacKey(new byte[32]));
        });

        assertInvalidToken(unsigned);
        assertInvalidToken(hmac);
    }

    @Test
    void authenticateWhenSignedByAForeignKeyWithAKnownKidThenInvalidToken() throws Exception {
        var foreign = EcJwkGenerator.generateJwk(EllipticCurves.P256);

        assertInvalidToken(tamper(c -> { }, jws -> jws.setKey(foreign.getPrivateKey())));
    }

    @Test
    void authenticateWhenGrantRevokedOrTokenRevokedThenInvalidToken() throws Exception {
        Map<String, Object> tokens = fixture.exchange(client, fixture.authorize(client));
        Map<String, Object> other = fixture.exchange(client, fixture.authorize(client));
        String grantId = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build().processToClaims((String) tokens.get("access_token"))
                .getStringClaimValue("grant_id");

        fixture.store.revokeGrant(grantId);
        fixture.server.revoke(client.form("token", (String) other.get("access_token")), client.header());

        assertInvalidToken((String) tokens.get("access_token"));
        assertInvalidToken((String) other.get("access_token"));
    }

    @Test
    void authenticateWhenTokenWasAcceptedThenRevokedThroughThisServerThenRefusedAtOnce() {
        String token = accessToken();
        assertThat(fixture.server.authenticate(Optional.of("Bearer " + token)))
                .isInstanceOf(BearerResult.Authenticated.class);

        fixture.server.revoke(client.form("token", token), client.header());

        assertInvalidToken(token);
    }

    @Test
    void authenticateWhenAnotherProcessRevokesTheGrantThenRefusedOnceTheRecheckIntervalPassed() throws Exception {
        String token = accessToken();
        assertThat(fixture.server.authenticate(Optional.of("Bearer " + token)))
                .isInstanceOf(BearerResult.Authenticated.class);

        fixture.store.revokeGrant(grantId(token)); // straight in the store: what another process does

        // Within the default interval (1 s) the remembered answer may still stand; past it, never.
        Thread.sleep(fixture.server.config().revocationCheckInterval().toMillis() + 50);
        assertInvalidToken(token);
    }

    @Test
    void authenticateWhenRecheckIntervalIsZeroThenEveryRequestAsksTheStore() {
        try (Fixture strict = new Fixture(ServerConfig.builder().revocationCheckInterval(Duration.ZERO).build())) {
            Fixture.Client c = strict.registerPublic();
            String token = (String) strict.exchange(c, strict.authorize(c)).get("access_token");
            assertThat(strict.server.authenticate(Optional.of("Bearer " + token)))
                    .isInstanceOf(BearerResult.Authenticated.class);

            strict.store.revokeGrant(grantId(token));

            assertThat(strict.server.authenticate(Optional.of("Bearer " + token)))
                    .isInstanceOf(BearerResult.Challenge.class);
        }
    }

    @Test
    void authenticateWhenRecheckIntervalIsLongThenOnlyThisProcesssRevocationsApplyAtOnce() {
        try (Fixture lenient = new Fixture(ServerConfig.builder().revocationCheckInterval(Duration.ofMinutes(1)).build())) {
            Fixture.Client c = lenient.registerPublic();
            String first = (String) lenient.exchange(c, lenient.authorize(c)).get("access_token");
            String second = (String) lenient.exchange(c, lenient.authorize(c)).get("access_token");
            lenient.server.authenticate(Optional.of("Bearer " + first));
            lenient.server.authenticate(Optional.of("Bearer " + second));

            lenient.store.revokeGrant(grantId(first));
            assertThat(lenient.server.authenticate(Optional.of("Bearer " + first)))
                    .as("another process's revocation waits for the interval").isInstanceOf(BearerResult.Authenticated.class);

            lenient.server.revoke(c.form("token", second), c.header());
            assertThat(lenient.server.authenticate(Optional.of("Bearer " + second)))
                    .as("this process's revocation applies at once").isInstanceOf(BearerResult.Challenge.class);
            assertThat(lenient.server.authenticate(Optional.of("Bearer " + first)))
                    .as("and makes every token be checked in the store again").isInstanceOf(BearerResult.Challenge.class);
        }
    }

    private static String grantId(String accessToken) {
        try {
            return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(accessToken).getStringClaimValue("grant_id");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void authenticateAcceptsTokensOfAnotherEngineSharingTheStore() {
        // A second process on the same store, whose own key is newer: tokens it mints must validate here.
        fixture.clock.advance(Duration.ofDays(31));
        try (AuthorizationServer second = AuthorizationServer.builder("test-app").store(fixture.store)
                .config(fixture.server.config()).clock(fixture.clock).purgeInterval(Duration.ZERO)
                .userChecker((u, p) -> Optional.empty()).build()) {
            Fixture.Authorized fresh = fixture.authorize(client);
            Map<String, Object> tokens = second.token(client.form("grant_type", "authorization_code",
                    "code", fresh.code(), "code_verifier", fresh.verifier(), "redirect_uri", Fixture.REDIRECT),
                    Optional.empty());

            assertThat(fixture.bearer(tokens.get("access_token"))).isInstanceOf(BearerResult.Authenticated.class);
        }
    }
}
