package dev.mcpoauth.helidon;

import dev.mcpoauth.SigningKey;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.core.Json;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Access tokens an attacker might present, made with jose4j: with the server's own signing key read
 * from its store (so that only the claim under attack is wrong), with another key, with
 * {@code alg: none}, or with the public key as an HMAC secret (algorithm confusion).
 */
final class ForgedTokens {

    private final TokenStore store;

    ForgedTokens(TokenStore store) {
        this.store = store;
    }

    /** The claims of a real token, to copy and alter. */
    static Map<String, Object> claimsOf(String token) {
        String payload = token.split("\\.")[1];
        return new LinkedHashMap<>(Json.parseObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)));
    }

    /** The header of a real token. */
    static Map<String, Object> headerOf(String token) {
        return Json.parseObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    /** Signs {@code claims} with the server's current key, as the server would, with {@code typ}. */
    String withServerKey(Map<String, Object> claims, String typ) {
        SigningKey key = store.signingKeys(Instant.now()).getFirst();
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.privateJwk());
            return sign(claims, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, jwk.getPrivateKey(), key.keyId(), typ);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Signs with a fresh P-256 key that claims the server's key id. */
    String withOtherKey(Map<String, Object> claims) {
        try {
            PublicJsonWebKey other = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            return sign(claims, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, other.getPrivateKey(),
                    store.signingKeys(Instant.now()).getFirst().keyId(), "at+jwt");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** HS256 with the server's public key (its JWK JSON) as the secret: the classic algorithm confusion. */
    String withPublicKeyAsHmacSecret(Map<String, Object> claims) {
        SigningKey key = store.signingKeys(Instant.now()).getFirst();
        try {
            String publicJwk = PublicJsonWebKey.Factory.newPublicJwk(key.privateJwk())
                    .toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            return sign(claims, AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(publicJwk.getBytes(StandardCharsets.UTF_8)),
                    key.keyId(), "at+jwt");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** {@code alg: none}, no signature. */
    static String unsigned(Map<String, Object> claims, String keyId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "none");
        header.put("typ", "at+jwt");
        header.put("kid", keyId);
        return b64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A real token whose payload is replaced, keeping the original signature. */
    static String withPayload(String token, Map<String, Object> claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String sign(Map<String, Object> claims, String alg, Key key, String keyId, String typ) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(Json.write(claims));
        jws.setAlgorithmHeaderValue(alg);
        jws.setKey(key);
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", typ);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }
}
