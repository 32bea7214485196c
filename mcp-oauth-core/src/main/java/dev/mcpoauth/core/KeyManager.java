package dev.mcpoauth.core;

import dev.mcpoauth.SigningKey;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The keys that sign access tokens, kept in the store so that a restarted process, or another one
 * sharing the store, validates what this one signed.
 *
 * <p>The newest usable key signs; a key is usable until its {@code signsUntil} and only while every
 * token it signs now expires before the key does. A new key is generated when none is usable. Old
 * keys stay published (JWKS) and accepted until {@code expiresAt}. When two processes start at once
 * on an empty store both generate a key; that is harmless, because validation accepts every
 * unexpired key in the store and reloads them when it meets an unknown {@code kid}.
 *
 * <p>Thread safe.
 */
final class KeyManager {

    /** The only JWS algorithm this server signs with or accepts. */
    public static final String ALGORITHM = "ES256";
    /** Margin after the last possible token expiry before a key is dropped, to absorb clock skew. */
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(KeyManager.class.getName());

    /** A stored key with its parsed JWK. */
    record LoadedKey(SigningKey meta, PublicJsonWebKey jwk) {
    }

    private final Engine engine;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile List<LoadedKey> keys = List.of();
    /** Counts reloads, so that callers who waited for one do not start another. */
    private volatile long generation;

    /** Creates the manager; call {@link #initialize()} before use. */
    public KeyManager(Engine engine) {
        this.engine = engine;
    }

    /** Loads the stored keys and generates a signing key when none is usable. */
    public void initialize() {
        signingKey();
    }

    /** The key to sign a token with now, generating and storing a new one when none is usable. */
    public LoadedKey signingKey() {
        Instant now = engine.now();
        Optional<LoadedKey> usable = usable(keys, now);
        if (usable.isPresent()) {
            return usable.get();
        }
        lock.lock();
        try {
            // Another process may have rotated already: prefer its key to a second new one.
            reload(now);
            usable = usable(keys, now);
            if (usable.isPresent()) {
                return usable.get();
            }
            LoadedKey created = generate(now);
            engine.store().saveSigningKey(created.meta());
            List<LoadedKey> all = new ArrayList<>(keys);
            all.addFirst(created);
            keys = List.copyOf(all);
            LOG.log(System.Logger.Level.INFO, "generated signing key {0}, signing until {1}",
                    created.meta().keyId(), created.meta().signsUntil());
            return created;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The public key with this id, reloading the keys from the store when it is unknown, since
     * another process may have generated it. Concurrent reloads coalesce: a caller that waited while
     * another reloaded uses that reload, so a flood of unknown key ids costs at most one store read
     * at a time.
     */
    public Optional<PublicKey> verificationKey(String keyId) {
        Optional<PublicKey> known = find(keyId);
        if (known.isPresent()) {
            return known;
        }
        long seen = generation;
        lock.lock();
        try {
            if (generation == seen) {
                reload(engine.now());
            }
        } finally {
            lock.unlock();
        }
        return find(keyId);
    }

    /** The JSON Web Key Set of every unexpired key, public parts only (RFC 7517 §5). */
    public Map<String, Object> jwks() {
        lock.lock();
        try {
            reload(engine.now());
        } finally {
            lock.unlock();
        }
        List<Map<String, Object>> published = keys.stream()
                .map(key -> key.jwk().toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList();
        Map<String, Object> jwks = new LinkedHashMap<>();
        jwks.put("keys", published);
        return jwks;
    }

    private Optional<PublicKey> find(String keyId) {
        return keys.stream().filter(k -> k.meta().keyId().equals(keyId)).findFirst()
                .map(k -> k.jwk().getPublicKey());
    }

    /** The newest key that may sign now: before its {@code signsUntil}, and outliving a token signed now. */
    private Optional<LoadedKey> usable(List<LoadedKey> candidates, Instant now) {
        Instant lastTokenExpiry = now.plus(engine.config().accessTokenLifetime());
        return candidates.stream()
                .filter(k -> now.isBefore(k.meta().signsUntil()) && !lastTokenExpiry.isAfter(k.meta().expiresAt()))
                .findFirst();
    }

    private void reload(Instant now) {
        List<LoadedKey> loaded = new ArrayList<>();
        for (SigningKey stored : engine.store().signingKeys(now)) {
            if (!ALGORITHM.equals(stored.algorithm())) {
                continue;
            }
            try {
                loaded.add(new LoadedKey(stored, PublicJsonWebKey.Factory.newPublicJwk(stored.privateJwk())));
            } catch (JoseException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring stored signing key {0}: unreadable JWK", stored.keyId());
            }
        }
        // Newest first, whatever order the store returned, so that the newest usable key signs.
        loaded.sort((a, b) -> b.meta().createdAt().compareTo(a.meta().createdAt()));
        keys = List.copyOf(loaded);
        generation++;
    }

    private LoadedKey generate(Instant now) {
        try {
            var jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            jwk.setKeyId(Secrets.newId());
            jwk.setAlgorithm(ALGORITHM);
            jwk.setUse("sig");
            Instant signsUntil = now.plus(engine.config().signingKeyRotation());
            Instant expiresAt = signsUntil.plus(engine.config().accessTokenLifetime()).plus(MARGIN);
            SigningKey meta = new SigningKey(jwk.getKeyId(), ALGORITHM,
                    jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), now, signsUntil, expiresAt);
            return new LoadedKey(meta, jwk);
        } catch (JoseException e) {
            // Every Java platform supports P-256, so this is a broken runtime, not bad input.
            throw new IllegalStateException("could not generate an ES256 signing key", e);
        }
    }
}
