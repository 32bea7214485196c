package dev.mcpoauth.store.sqlite.internal;

import static dev.mcpoauth.store.sqlite.internal.Columns.instant;
import static dev.mcpoauth.store.sqlite.internal.Columns.millis;

import dev.mcpoauth.SigningKey;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The {@code signing_keys} and {@code revoked_access_tokens} tables. */
public final class KeyRows {

    private KeyRows() {
    }

    /** Inserts a signing key. */
    public static void insertKey(Handle h, SigningKey k) {
        h.createUpdate("INSERT INTO signing_keys (key_id, algorithm, private_jwk, created_at, signs_until, expires_at) "
                        + "VALUES (:id, :alg, :jwk, :created, :signsUntil, :expires)")
                .bind("id", k.keyId()).bind("alg", k.algorithm()).bind("jwk", k.privateJwk())
                .bind("created", millis(k.createdAt())).bind("signsUntil", millis(k.signsUntil()))
                .bind("expires", millis(k.expiresAt()))
                .execute();
    }

    /** The unexpired keys, newest first (ties broken by key id, so the order is stable). */
    public static List<SigningKey> unexpiredKeys(Handle h, Instant now) {
        return h.createQuery("SELECT key_id, algorithm, private_jwk, created_at, signs_until, expires_at "
                        + "FROM signing_keys WHERE expires_at > :now ORDER BY created_at DESC, key_id DESC")
                .bind("now", millis(now))
                .map((rs, ctx) -> new SigningKey(rs.getString("key_id"), rs.getString("algorithm"),
                        rs.getString("private_jwk"), instant(rs, "created_at"), instant(rs, "signs_until"),
                        instant(rs, "expires_at")))
                .list();
    }

    /** Records a revoked access token; revoking again keeps the later expiry. */
    public static void revokeAccessToken(Handle h, String tokenId, Instant expiresAt) {
        h.createUpdate("INSERT INTO revoked_access_tokens (token_id, expires_at) VALUES (:id, :expires) "
                        + "ON CONFLICT (token_id) DO UPDATE SET expires_at = max(expires_at, excluded.expires_at)")
                .bind("id", tokenId).bind("expires", millis(expiresAt))
                .execute();
    }

    /** Whether the grant is active and the token not revoked, in one statement. */
    public static boolean isAccessTokenActive(Handle h, String grantId, String tokenId, Instant now) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM grants WHERE grant_id = :grant AND revoked = 0 "
                        + "AND expires_at > :now) AND NOT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE token_id = :token)")
                .bind("grant", grantId).bind("token", tokenId).bind("now", Columns.millis(now))
                .map((rs, ctx) -> rs.getInt(1)).one() == 1;
    }

    /** Whether an access token is recorded as revoked. */
    public static boolean isAccessTokenRevoked(Handle h, String tokenId) {
        return h.createQuery("SELECT count(*) FROM revoked_access_tokens WHERE token_id = :id")
                .bind("id", tokenId).map((rs, ctx) -> rs.getInt(1)).one() > 0;
    }
}
