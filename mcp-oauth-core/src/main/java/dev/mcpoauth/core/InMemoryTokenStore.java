package dev.mcpoauth.core;

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

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link TokenStore} in this process's memory: everything is lost when it stops, so every client
 * must register and every user log in again. The fallback when no store module is present, and
 * handy in tests.
 *
 * <p>Every operation runs under one lock, which makes each of them atomic as the contract demands
 * (single-use codes, one-step rotation) at a throughput far beyond what a login server needs. A
 * {@link ReentrantLock} rather than {@code synchronized}, so that virtual threads never pin.
 * Thread safe.
 */
public final class InMemoryTokenStore implements TokenStore {

    /** A code and whether it was redeemed; used codes stay until expiry so that replays are seen. */
    private record CodeEntry(AuthorizationCode code, boolean used) {
    }

    /** A refresh token: its grant, its expiry, and, once rotated away, that rotation. */
    private record RefreshEntry(String grantId, Instant expiresAt, Optional<Rotation> rotation) {

        static RefreshEntry current(String grantId, Instant expiresAt) {
            return new RefreshEntry(grantId, expiresAt, Optional.empty());
        }

        boolean isCurrent() {
            return rotation.isEmpty();
        }
    }

    /** When a token was rotated away, and into what. */
    private record Rotation(Instant at, String successorHash, Optional<String> sealedSuccessor) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, RegisteredClient> clients = new HashMap<>();
    /** When each client last completed a flow; absent while it never did. */
    private final Map<String, Instant> clientsUsed = new HashMap<>();
    private final Map<String, PendingAuthorization> pending = new HashMap<>();
    private final Map<String, CodeEntry> codes = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, RefreshEntry> refreshTokens = new HashMap<>();
    private final Map<String, Instant> revokedAccessTokens = new HashMap<>();
    private final Map<String, SigningKey> signingKeys = new HashMap<>();
    private boolean closed;

    /** Creates an empty store. */
    public InMemoryTokenStore() {
    }

    @Override
    public void saveClient(RegisteredClient client) {
        locked(() -> insert(clients, client.clientId(), client, "client"));
    }

    @Override
    public Optional<RegisteredClient> findClient(String clientId) {
        return locked(() -> Optional.ofNullable(clients.get(clientId)));
    }

    @Override
    public boolean deleteClient(String clientId) {
        return locked(() -> {
            if (clients.remove(clientId) == null) {
                return false;
            }
            clientsUsed.remove(clientId);
            // Everything issued to the client goes with it.
            pending.values().removeIf(p -> p.clientId().equals(clientId));
            codes.values().removeIf(c -> c.code().clientId().equals(clientId));
            grants.values().removeIf(g -> g.clientId().equals(clientId));
            refreshTokens.values().removeIf(r -> !grants.containsKey(r.grantId()));
            return true;
        });
    }

    @Override
    public void markClientUsed(String clientId, Instant now) {
        locked(() -> clients.containsKey(clientId) ? clientsUsed.put(clientId, now) : null);
    }

    @Override
    public long countClients() {
        return locked(() -> (long) clients.size());
    }

    @Override
    public List<String> unusedClients(Instant issuedBefore, int limit) {
        return locked(() -> clients.values().stream()
                .filter(c -> !clientsUsed.containsKey(c.clientId()) && c.issuedAt().isBefore(issuedBefore))
                .sorted(Comparator.comparing(RegisteredClient::issuedAt).thenComparing(RegisteredClient::clientId))
                .limit(limit)
                .map(RegisteredClient::clientId)
                .toList());
    }

    @Override
    public boolean deleteUnusedClient(String clientId) {
        // Reentrant: the check and the delete happen under one hold of the lock.
        return locked(() -> clients.containsKey(clientId) && !clientsUsed.containsKey(clientId) && deleteClient(clientId));
    }

    @Override
    public void savePendingAuthorization(PendingAuthorization request) {
        locked(() -> insert(pending, request.idHash(), request, "pending authorization"));
    }

    @Override
    public Optional<PendingAuthorization> findPendingAuthorization(String idHash, Instant now) {
        return locked(() -> Optional.ofNullable(pending.get(idHash)).filter(p -> !p.isExpired(now)));
    }

    @Override
    public boolean removePendingAuthorization(String idHash) {
        return locked(() -> pending.remove(idHash) != null);
    }

    @Override
    public void saveAuthorizationCode(AuthorizationCode code) {
        locked(() -> insert(codes, code.codeHash(), new CodeEntry(code, false), "authorization code"));
    }

    @Override
    public CodeRedemption redeemAuthorizationCode(String codeHash, Instant now) {
        return locked(() -> {
            CodeEntry entry = codes.get(codeHash);
            if (entry == null || entry.code().isExpired(now)) {
                return new CodeRedemption.NotFound();
            }
            if (entry.used()) {
                return new CodeRedemption.Replayed(entry.code());
            }
            codes.put(codeHash, new CodeEntry(entry.code(), true));
            return new CodeRedemption.Redeemed(entry.code());
        });
    }

    @Override
    public void saveGrant(Grant grant, String refreshTokenHash, Instant refreshTokenExpiresAt) {
        locked(() -> {
            if (grants.containsKey(grant.grantId()) || refreshTokens.containsKey(refreshTokenHash)) {
                throw new StorageException("a grant with this id or refresh token exists already");
            }
            grants.put(grant.grantId(), grant);
            refreshTokens.put(refreshTokenHash, RefreshEntry.current(grant.grantId(), refreshTokenExpiresAt));
            return null;
        });
    }

    @Override
    public RefreshRotation rotateRefreshToken(String presentedHash, RefreshSuccessor successor, Instant now,
                                              Duration reuseGrace) {
        return locked(() -> {
            RefreshEntry entry = refreshTokens.get(presentedHash);
            Grant grant = entry == null || !now.isBefore(entry.expiresAt()) ? null : grants.get(entry.grantId());
            if (grant == null) {
                return new RefreshRotation.Invalid();
            }
            if (entry.rotation().isPresent()) {
                return repeatOrReuse(entry.rotation().get(), grant, now, reuseGrace);
            }
            if (!grant.isActive(now) || refreshTokens.containsKey(successor.tokenHash())) {
                return new RefreshRotation.Invalid();
            }
            // Keep the old token, rotated away, so that a repeat or a reuse of it is recognised.
            refreshTokens.put(presentedHash, new RefreshEntry(grant.grantId(), entry.expiresAt(), Optional.of(
                    new Rotation(now, successor.tokenHash(), successor.sealedToken()))));
            refreshTokens.put(successor.tokenHash(), RefreshEntry.current(grant.grantId(), successor.expiresAt()));
            return new RefreshRotation.Rotated(grant);
        });
    }

    private RefreshRotation repeatOrReuse(Rotation rotation, Grant grant, Instant now, Duration reuseGrace) {
        RefreshEntry successor = refreshTokens.get(rotation.successorHash());
        boolean repeatable = rotation.sealedSuccessor().isPresent()
                && now.isBefore(rotation.at().plus(reuseGrace))
                && grant.isActive(now)
                && successor != null && successor.isCurrent() && now.isBefore(successor.expiresAt());
        return repeatable
                ? new RefreshRotation.Repeated(grant, rotation.sealedSuccessor().get())
                : new RefreshRotation.Reused(grant);
    }

    @Override
    public Optional<Grant> findGrant(String grantId) {
        return locked(() -> Optional.ofNullable(grants.get(grantId)));
    }

    @Override
    public Optional<Grant> findGrantByRefreshToken(String refreshTokenHash, Instant now) {
        return locked(() -> {
            RefreshEntry entry = refreshTokens.get(refreshTokenHash);
            if (entry == null || !entry.isCurrent() || !now.isBefore(entry.expiresAt())) {
                return Optional.empty();
            }
            return Optional.ofNullable(grants.get(entry.grantId())).filter(g -> g.isActive(now));
        });
    }

    @Override
    public boolean revokeGrant(String grantId) {
        return locked(() -> {
            Grant grant = grants.get(grantId);
            if (grant == null || grant.revoked()) {
                return false;
            }
            grants.put(grantId, grant.asRevoked());
            return true;
        });
    }

    @Override
    public void revokeAccessToken(String tokenId, Instant expiresAt) {
        locked(() -> revokedAccessTokens.merge(tokenId, expiresAt, (a, b) -> a.isAfter(b) ? a : b));
    }

    @Override
    public boolean isAccessTokenRevoked(String tokenId) {
        return locked(() -> revokedAccessTokens.containsKey(tokenId));
    }

    @Override
    public void saveSigningKey(SigningKey key) {
        locked(() -> insert(signingKeys, key.keyId(), key, "signing key"));
    }

    @Override
    public List<SigningKey> signingKeys(Instant now) {
        return locked(() -> signingKeys.values().stream()
                .filter(k -> now.isBefore(k.expiresAt()))
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed().thenComparing(SigningKey::keyId))
                .toList());
    }

    @Override
    public int purgeExpired(Instant now) {
        return locked(() -> {
            int before = size();
            pending.values().removeIf(p -> p.isExpired(now));
            codes.values().removeIf(c -> c.code().isExpired(now));
            grants.values().removeIf(g -> !now.isBefore(g.expiresAt()));
            // A rotated-away token is kept for reuse detection only until its own expiry.
            refreshTokens.values().removeIf(r -> !grants.containsKey(r.grantId()) || !now.isBefore(r.expiresAt()));
            revokedAccessTokens.values().removeIf(exp -> !now.isBefore(exp));
            signingKeys.values().removeIf(k -> !now.isBefore(k.expiresAt()));
            return before - size();
        });
    }

    /** Empties the store; every later call throws {@link StorageException}. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            List.of(clients, clientsUsed, pending, codes, grants, refreshTokens, revokedAccessTokens, signingKeys)
                    .forEach(Map::clear);
        } finally {
            lock.unlock();
        }
    }

    private int size() {
        return clients.size() + pending.size() + codes.size() + grants.size() + refreshTokens.size()
                + revokedAccessTokens.size() + signingKeys.size();
    }

    private static <V> Void insert(Map<String, V> map, String key, V value, String what) {
        if (map.putIfAbsent(key, value) != null) {
            throw new StorageException("a " + what + " with this key exists already");
        }
        return null;
    }

    private <T> T locked(Supplier<T> operation) {
        lock.lock();
        try {
            if (closed) {
                throw new StorageException("the in-memory store is closed");
            }
            return operation.get();
        } finally {
            lock.unlock();
        }
    }
}
