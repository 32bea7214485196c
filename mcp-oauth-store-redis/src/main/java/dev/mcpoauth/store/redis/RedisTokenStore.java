package dev.mcpoauth.store.redis;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.Grant;
import dev.mcpoauth.PendingAuthorization;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.RefreshSuccessor;
import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.SigningKey;
import dev.mcpoauth.StorageException;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.store.redis.internal.FieldReader;
import dev.mcpoauth.store.redis.internal.RecordCodec;
import dev.mcpoauth.store.redis.internal.RedisGateway;
import dev.mcpoauth.store.redis.internal.Retention;
import dev.mcpoauth.store.redis.internal.Script;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TokenStore} on a Redis server, which any number of server instances share: what one
 * instance issues (codes, grants, signing keys) every other one sees, and single use holds across
 * all of them.
 *
 * <h2>Data model</h2>
 * One hash per record under {@code <prefix><kind>:<id>}: {@code client}, {@code pending},
 * {@code code}, {@code grant}, {@code refresh} (a refresh-token hash: its grant, expiry and whether
 * it is current), {@code revoked-jti} and {@code key}. The set {@code clients:all} holds every client
 * id and the sorted set {@code clients:unused}, scored by issue time, the never-used ones. Index sets {@code client-pending},
 * {@code client-codes}, {@code client-grants} (per client) and {@code grant-tokens} (per grant) serve
 * the cascades; sorted sets {@code expiry:<kind>}, scored by expiry, serve {@link #purgeExpired}.
 *
 * <h2>Atomicity</h2>
 * Every operation that reads and writes more than one key is one Lua script, which Redis runs
 * without interleaving anything else: single use, rotation, revocation and the delete cascade hold
 * across processes without any JVM lock, and a failed operation never leaves half of its keys
 * written.
 *
 * <h2>Expiry</h2>
 * Reads compare {@code expiresAt} with the caller's {@code now}. Every record except a client also
 * has a Redis time to live of its lifetime plus {@link RedisStoreConfig#expiryGrace()}, so nothing
 * accumulates when no purge runs; index keys live as long as their longest-lived member. Clients
 * have no expiry and live until {@link #deleteClient}.
 *
 * <p>Secrets arrive hashed and are stored as received. Thread safe. Failures, including an
 * unreachable server, are {@link StorageException}s raised within a few timeouts.
 */
public final class RedisTokenStore implements TokenStore {

    private static final int PURGE_BATCH = 500;

    private final RedisGateway redis;
    private final String prefix;
    private final Retention retention;

    private RedisTokenStore(RedisGateway redis, RedisStoreConfig config) {
        this.redis = redis;
        this.prefix = config.keyPrefix();
        this.retention = new Retention(config.expiryGrace(), Clock.systemUTC());
    }

    /**
     * Connects to Redis and returns the store, which owns the connection pool until {@link #close()}.
     *
     * @param config where and how to connect
     * @return the store
     * @throws StorageException when Redis cannot be reached or refuses the credentials
     */
    public static RedisTokenStore open(RedisStoreConfig config) {
        return new RedisTokenStore(RedisConnector.connect(config), config);
    }

    // ---- clients ---------------------------------------------------------------------------------

    @Override
    public void saveClient(RegisteredClient client) {
        Object saved = script("saving a client", Script.SAVE_CLIENT, false, List.of(client.clientId()),
                RecordCodec.client(client));
        if (!Long.valueOf(1).equals(saved)) {
            throw new StorageException("a client with id " + client.clientId() + " is already registered");
        }
    }

    @Override
    public Optional<RegisteredClient> findClient(String clientId) {
        return read("finding a client", "client", clientId).map(r -> RecordCodec.client(FieldReader.of("client", r)));
    }

    @Override
    public boolean deleteClient(String clientId) {
        return isOne(script("deleting a client", Script.DELETE_CLIENT, false, List.of(clientId), List.of()));
    }

    @Override
    public void markClientUsed(String clientId, Instant now) {
        script("marking a client used", Script.MARK_CLIENT_USED, true, List.of(clientId, millis(now)), List.of());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Counts the clients saved by a version of this store that keeps the client index; clients
     * saved by an earlier version are not counted (and, never being listed as unused, never evicted).
     */
    @Override
    public long countClients() {
        String key = prefix + "clients:all";
        return redis.command("counting clients", true, r -> r.scard(key));
    }

    @Override
    public List<String> unusedClients(Instant issuedBefore, int limit) {
        String key = prefix + "clients:unused";
        return redis.command("listing unused clients", true,
                r -> r.zrangeByScore(key, "-inf", "(" + millis(issuedBefore), 0, limit));
    }

    @Override
    public boolean deleteUnusedClient(String clientId) {
        return isOne(script("deleting an unused client", Script.DELETE_UNUSED_CLIENT, false, List.of(clientId),
                List.of()));
    }

    // ---- pending authorization requests ----------------------------------------------------------

    @Override
    public void savePendingAuthorization(PendingAuthorization p) {
        saveRecord("saving a pending request", "pending", p.idHash(), "client-pending", p.clientId(), p.expiresAt(),
                retention.millis(p.createdAt(), p.expiresAt()), RecordCodec.pending(p));
    }

    @Override
    public Optional<PendingAuthorization> findPendingAuthorization(String idHash, Instant now) {
        return read("finding a pending request", "pending", idHash)
                .map(r -> RecordCodec.pending(FieldReader.of("pending request", r))).filter(p -> !p.isExpired(now));
    }

    @Override
    public boolean removePendingAuthorization(String idHash) {
        return isOne(script("removing a pending request", Script.REMOVE_PENDING, false, List.of(idHash), List.of()));
    }

    // ---- authorization codes ---------------------------------------------------------------------

    @Override
    public void saveAuthorizationCode(AuthorizationCode code) {
        saveRecord("saving an authorization code", "code", code.codeHash(), "client-codes", code.clientId(),
                code.expiresAt(), retention.millis(code.issuedAt(), code.expiresAt()), RecordCodec.code(code));
    }

    @Override
    public CodeRedemption redeemAuthorizationCode(String codeHash, Instant now) {
        List<?> reply = (List<?>) script("redeeming an authorization code", Script.REDEEM_CODE, false,
                List.of(codeHash, millis(now)), List.of());
        return switch (((Number) reply.getFirst()).intValue()) {
            case 1 -> new CodeRedemption.Redeemed(RecordCodec.code(FieldReader.ofFlat("authorization code", reply.get(1))));
            case 2 -> new CodeRedemption.Replayed(RecordCodec.code(FieldReader.ofFlat("authorization code", reply.get(1))));
            default -> new CodeRedemption.NotFound();
        };
    }

    // ---- grants and refresh tokens ---------------------------------------------------------------

    @Override
    public void saveGrant(Grant grant, String refreshTokenHash, Instant refreshTokenExpiresAt) {
        script("saving a grant", Script.SAVE_GRANT, false, List.of(grant.grantId(), grant.clientId(),
                millis(grant.expiresAt()), Long.toString(retention.millis(grant.createdAt(), grant.expiresAt())),
                refreshTokenHash, millis(refreshTokenExpiresAt),
                Long.toString(retention.millis(grant.createdAt(), refreshTokenExpiresAt))), RecordCodec.grant(grant));
    }

    @Override
    public RefreshRotation rotateRefreshToken(String presentedHash, RefreshSuccessor successor, Instant now,
                                              Duration reuseGrace) {
        List<?> reply = (List<?>) script("rotating a refresh token", Script.ROTATE_REFRESH, false,
                List.of(presentedHash, successor.tokenHash(), millis(successor.expiresAt()),
                        Long.toString(retention.millis(now, successor.expiresAt())), millis(now),
                        Long.toString(reuseGrace.toMillis()), successor.sealedToken().orElse("")), List.of());
        return switch (((Number) reply.getFirst()).intValue()) {
            case 1 -> new RefreshRotation.Rotated(RecordCodec.grant(FieldReader.ofFlat("grant", reply.get(1))));
            case 2 -> new RefreshRotation.Reused(RecordCodec.grant(FieldReader.ofFlat("grant", reply.get(1))));
            case 3 -> new RefreshRotation.Repeated(RecordCodec.grant(FieldReader.ofFlat("grant", reply.get(1))),
                    String.valueOf(reply.get(2)));
            default -> new RefreshRotation.Invalid();
        };
    }

    @Override
    public Optional<Grant> findGrant(String grantId) {
        return read("finding a grant", "grant", grantId).map(r -> RecordCodec.grant(FieldReader.of("grant", r)));
    }

    @Override
    public Optional<Grant> findGrantByRefreshToken(String refreshTokenHash, Instant now) {
        List<?> reply = (List<?>) script("finding a grant by refresh token", Script.FIND_GRANT_BY_REFRESH, true,
                List.of(refreshTokenHash, millis(now)), List.of());
        return reply.isEmpty() ? Optional.empty() : Optional.of(RecordCodec.grant(FieldReader.ofFlat("grant", reply)));
    }

    @Override
    public boolean revokeGrant(String grantId) {
        return isOne(script("revoking a grant", Script.REVOKE_GRANT, false, List.of(grantId), List.of()));
    }

    // ---- access tokens ---------------------------------------------------------------------------

    @Override
    public void revokeAccessToken(String tokenId, Instant expiresAt) {
        // No start instant of its own: its time to live runs from the wall clock.
        saveRecord("revoking an access token", "revoked-jti", tokenId, "", "", expiresAt,
                retention.millisUntil(expiresAt), RecordCodec.revocation(expiresAt));
    }

    @Override
    public boolean isAccessTokenRevoked(String tokenId) {
        String key = prefix + "revoked-jti:" + tokenId;
        return redis.command("checking an access-token revocation", true, r -> r.exists(key));
    }

    /** One script instead of the default's two round trips: this is the bearer check's store read. */
    @Override
    public boolean isAccessTokenActive(String grantId, String tokenId, Instant now) {
        return isOne(script("checking an access token", Script.ACCESS_TOKEN_ACTIVE, true,
                List.of(grantId, tokenId, millis(now)), List.of()));
    }

    // ---- signing keys ----------------------------------------------------------------------------

    @Override
    public void saveSigningKey(SigningKey key) {
        saveRecord("saving a signing key", "key", key.keyId(), "", "", key.expiresAt(),
                retention.millis(key.createdAt(), key.expiresAt()), RecordCodec.signingKey(key));
    }

    @Override
    public List<SigningKey> signingKeys(Instant now) {
        List<?> reply = (List<?>) script("reading signing keys", Script.SIGNING_KEYS, true, List.of(millis(now)),
                List.of());
        return reply.stream().map(k -> RecordCodec.signingKey(FieldReader.ofFlat("signing key", k)))
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList();
    }

    // ---- housekeeping ----------------------------------------------------------------------------

    /**
     * {@inheritDoc}
     *
     * <p>Runs in batches of up to {@value #PURGE_BATCH} records per kind, each batch one script, so
     * Redis is never blocked for long and several instances may purge at once (each record is
     * counted by the one that deleted it). Records Redis already deleted by their time to live, past
     * the grace period, are not counted.
     */
    @Override
    public int purgeExpired(Instant now) {
        int deleted = 0;
        while (true) {
            List<?> reply = (List<?>) script("purging expired records", Script.PURGE, false,
                    List.of(millis(now), Integer.toString(PURGE_BATCH)), List.of());
            deleted += ((Number) reply.get(0)).intValue();
            if (((Number) reply.get(1)).intValue() == 0) {
                return deleted;
            }
        }
    }

    /** Closes the connection pool; later calls throw {@link StorageException}. Closing twice is harmless. */
    @Override
    public void close() {
        redis.close();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void saveRecord(String what, String kind, String id, String ownerIndex, String owner, Instant expiresAt,
                            long ttlMillis, List<String> fields) {
        script(what, Script.SAVE_RECORD, false, List.of(kind, id, ownerIndex, owner, millis(expiresAt),
                Long.toString(ttlMillis)), fields);
    }

    private Object script(String what, Script script, boolean idempotent, List<String> args, List<String> fields) {
        List<String> all = new ArrayList<>(1 + args.size() + fields.size());
        all.add(prefix);
        all.addAll(args);
        all.addAll(fields);
        return redis.script(what, script, all, idempotent);
    }

    private Optional<Map<String, String>> read(String what, String kind, String id) {
        String key = prefix + kind + ":" + id;
        Map<String, String> fields = redis.command(what, true, r -> r.hgetAll(key));
        return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
    }

    private static boolean isOne(Object reply) {
        return Long.valueOf(1).equals(reply);
    }

    private static String millis(Instant instant) {
        return RecordCodec.millis(instant);
    }
}
