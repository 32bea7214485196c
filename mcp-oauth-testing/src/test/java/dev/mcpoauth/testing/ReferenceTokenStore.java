package dev.mcpoauth.testing;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simplest store that can pass the contract (every method synchronized), so that the contract
 * itself is proven passable without any real store module.
 */
final class ReferenceTokenStore implements TokenStore {

    private record Token(String grantId, Instant expiresAt, boolean current, Instant rotatedAt, String successor,
                         String sealed) {
        Token(String grantId, Instant expiresAt) {
            this(grantId, expiresAt, true, null, null, null);
        }
    }

    private final Map<String, RegisteredClient> clients = new HashMap<>();
    private final Set<String> usedClients = new HashSet<>();
    private final Map<String, PendingAuthorization> pending = new HashMap<>();
    private final Map<String, AuthorizationCode> codes = new HashMap<>();
    private final Set<String> usedCodes = new HashSet<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, Instant> revokedJtis = new HashMap<>();
    private final Map<String, SigningKey> keys = new HashMap<>();
    private boolean closed;

    private void open() {
        if (closed) {
            throw new StorageException("store is closed");
        }
    }

    @Override public synchronized void saveClient(RegisteredClient client) {
        open();
        if (clients.putIfAbsent(client.clientId(), client) != null) {
            throw new StorageException("client exists");
        }
    }

    @Override public synchronized Optional<RegisteredClient> findClient(String clientId) {
        open();
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override public synchronized boolean deleteClient(String clientId) {
        open();
        pending.values().removeIf(p -> p.clientId().equals(clientId));
        codes.values().removeIf(c -> c.clientId().equals(clientId));
        Set<String> gone = new HashSet<>();
        grants.values().removeIf(g -> g.clientId().equals(clientId) && gone.add(g.grantId()));
        tokens.values().removeIf(t -> gone.contains(t.grantId()));
        usedClients.remove(clientId);
        return clients.remove(clientId) != null;
    }

    @Override public synchronized void markClientUsed(String clientId, Instant now) {
        open();
        if (clients.containsKey(clientId)) {
            usedClients.add(clientId);
        }
    }

    @Override public synchronized long countClients() {
        open();
        return clients.size();
    }

    @Override public synchronized List<String> unusedClients(Instant issuedBefore, int limit) {
        open();
        return clients.values().stream()
                .filter(c -> !usedClients.contains(c.clientId()) && c.issuedAt().isBefore(issuedBefore))
                .sorted(Comparator.comparing(RegisteredClient::issuedAt).thenComparing(RegisteredClient::clientId))
                .limit(limit).map(RegisteredClient::clientId).toList();
    }

    @Override public synchronized boolean deleteUnusedClient(String clientId) {
        open();
        return clients.containsKey(clientId) && !usedClients.contains(clientId) && deleteClient(clientId);
    }

    @Override public synchronized void savePendingAuthorization(PendingAuthorization p) {
        open();
        pending.put(p.idHash(), p);
    }

    @Override public synchronized Optional<PendingAuthorization> findPendingAuthorization(String idHash, Instant now) {
        open();
        return Optional.ofNullable(pending.get(idHash)).filter(p -> !p.isExpired(now));
    }

    @Override public synchronized boolean removePendingAuthorization(String idHash) {
        open();
        return pending.remove(idHash) != null;
    }

    @Override public synchronized void saveAuthorizationCode(AuthorizationCode code) {
        open();
        codes.put(code.codeHash(), code);
    }

    @Override public synchronized CodeRedemption redeemAuthorizationCode(String codeHash, Instant now) {
        open();
        AuthorizationCode code = codes.get(codeHash);
        if (code == null || code.isExpired(now)) {
            return new CodeRedemption.NotFound();
        }
        return usedCodes.add(codeHash) ? new CodeRedemption.Redeemed(code) : new CodeRedemption.Replayed(code);
    }

    @Override public synchronized void saveGrant(Grant grant, String hash, Instant expiresAt) {
        open();
        grants.put(grant.grantId(), grant);
        tokens.put(hash, new Token(grant.grantId(), expiresAt));
    }

    @Override public synchronized RefreshRotation rotateRefreshToken(String presented, RefreshSuccessor successor,
                                                                     Instant now, Duration grace) {
        open();
        Token token = tokens.get(presented);
        if (token == null || !now.isBefore(token.expiresAt())) {
            return new RefreshRotation.Invalid();
        }
        Grant grant = grants.get(token.grantId());
        if (!token.current()) {
            Token next = tokens.get(token.successor());
            boolean repeat = token.sealed() != null && now.isBefore(token.rotatedAt().plus(grace)) && grant.isActive(now)
                    && next != null && next.current() && now.isBefore(next.expiresAt());
            return repeat ? new RefreshRotation.Repeated(grant, token.sealed()) : new RefreshRotation.Reused(grant);
        }
        if (!grant.isActive(now)) {
            return new RefreshRotation.Invalid();
        }
        tokens.put(presented, new Token(token.grantId(), token.expiresAt(), false, now, successor.tokenHash(),
                successor.sealedToken().orElse(null)));
        tokens.put(successor.tokenHash(), new Token(token.grantId(), successor.expiresAt()));
        return new RefreshRotation.Rotated(grant);
    }

    @Override public synchronized Optional<Grant> findGrant(String grantId) {
        open();
        return Optional.ofNullable(grants.get(grantId));
    }

    @Override public synchronized Optional<Grant> findGrantByRefreshToken(String hash, Instant now) {
        open();
        Token token = tokens.get(hash);
        if (token == null || !token.current() || !now.isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(grants.get(token.grantId())).filter(g -> g.isActive(now));
    }

    @Override public synchronized boolean revokeGrant(String grantId) {
        open();
        Grant grant = grants.get(grantId);
        if (grant == null || grant.revoked()) {
            return false;
        }
        grants.put(grantId, grant.asRevoked());
        return true;
    }

    @Override public synchronized void revokeAccessToken(String tokenId, Instant expiresAt) {
        open();
        revokedJtis.put(tokenId, expiresAt);
    }

    @Override public synchronized boolean isAccessTokenRevoked(String tokenId) {
        open();
        return revokedJtis.containsKey(tokenId);
    }

    @Override public synchronized void saveSigningKey(SigningKey key) {
        open();
        keys.put(key.keyId(), key);
    }

    @Override public synchronized List<SigningKey> signingKeys(Instant now) {
        open();
        return keys.values().stream().filter(k -> now.isBefore(k.expiresAt()))
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList();
    }

    @Override public synchronized int purgeExpired(Instant now) {
        open();
        int before = pending.size() + codes.size() + grants.size() + tokens.size() + revokedJtis.size() + keys.size();
        pending.values().removeIf(p -> p.isExpired(now));
        codes.values().removeIf(c -> c.isExpired(now));
        usedCodes.retainAll(codes.keySet());
        grants.values().removeIf(g -> !now.isBefore(g.expiresAt()));
        tokens.values().removeIf(t -> !now.isBefore(t.expiresAt()) || !grants.containsKey(t.grantId()));
        revokedJtis.values().removeIf(exp -> !now.isBefore(exp));
        keys.values().removeIf(k -> !now.isBefore(k.expiresAt()));
        return before - (pending.size() + codes.size() + grants.size() + tokens.size() + revokedJtis.size()
                + keys.size());
    }

    @Override public synchronized void close() {
        closed = true;
    }
}
