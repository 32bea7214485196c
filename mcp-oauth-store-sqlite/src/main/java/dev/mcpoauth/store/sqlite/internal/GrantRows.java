package dev.mcpoauth.store.sqlite.internal;

import static dev.mcpoauth.store.sqlite.internal.Columns.flag;
import static dev.mcpoauth.store.sqlite.internal.Columns.instant;
import static dev.mcpoauth.store.sqlite.internal.Columns.json;
import static dev.mcpoauth.store.sqlite.internal.Columns.millis;

import dev.mcpoauth.Grant;
import dev.mcpoauth.RefreshRotation;
import dev.mcpoauth.RefreshSuccessor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code grants} and {@code refresh_tokens} tables: grants, token families and rotation. */
public final class GrantRows {

    private static final String GRANT = "g.grant_id, g.client_id, g.user_id, g.scopes, g.resource, g.created_at, "
            + "g.expires_at, g.revoked";

    private GrantRows() {
    }

    /** Inserts a grant and its first, current refresh token; to be called inside a write transaction. */
    public static void insert(Handle h, Grant g, String tokenHash, Instant tokenExpiresAt) {
        h.createUpdate("INSERT INTO grants (grant_id, client_id, user_id, scopes, resource, created_at, expires_at, "
                        + "revoked) VALUES (:id, :client, :user, :scopes, :resource, :created, :expires, :revoked)")
                .bind("id", g.grantId()).bind("client", g.clientId()).bind("user", g.userId())
                .bind("scopes", json(g.scopes())).bind("resource", g.resource())
                .bind("created", millis(g.createdAt())).bind("expires", millis(g.expiresAt()))
                .bind("revoked", g.revoked() ? 1 : 0)
                .execute();
        insertCurrentToken(h, g.grantId(), tokenHash, tokenExpiresAt);
    }

    /** Finds a grant by id, in whatever state. */
    public static Optional<Grant> find(Handle h, String grantId) {
        return h.createQuery("SELECT " + GRANT + " FROM grants g WHERE g.grant_id = :id")
                .bind("id", grantId).map(GrantRows::map).findOne();
    }

    /** Finds the active grant whose current, unexpired token has this hash, in one statement. */
    public static Optional<Grant> findByCurrentToken(Handle h, String tokenHash, Instant now) {
        return h.createQuery("SELECT " + GRANT + " FROM refresh_tokens t JOIN grants g ON g.grant_id = t.grant_id "
                        + "WHERE t.token_hash = :hash AND t.is_current = 1 AND t.expires_at > :now "
                        + "AND g.revoked = 0 AND g.expires_at > :now")
                .bind("hash", tokenHash).bind("now", millis(now))
                .map(GrantRows::map).findOne();
    }

    /** Marks a grant revoked; the affected-row count says whether this call revoked it. */
    public static boolean revoke(Handle h, String grantId) {
        return h.createUpdate("UPDATE grants SET revoked = 1 WHERE grant_id = :id AND revoked = 0")
                .bind("id", grantId).execute() == 1;
    }

    /**
     * Rotates a refresh token, or recognises a repeat within the reuse grace; to be called inside a
     * write transaction, which holds SQLite's write lock from its first statement, so the rows read
     * here cannot change before the update. The conditional UPDATE's row count is checked as well,
     * and the partial unique index on current tokens makes a second current token impossible.
     */
    public static RefreshRotation rotate(Handle h, String presented, RefreshSuccessor successor, Instant now,
                                         Duration reuseGrace) {
        Optional<TokenRow> token = h.createQuery("SELECT grant_id, is_current, rotated_at, successor_hash, "
                        + "successor_sealed FROM refresh_tokens WHERE token_hash = :hash AND expires_at > :now")
                .bind("hash", presented).bind("now", millis(now))
                .map(GrantRows::mapToken)
                .findOne();
        if (token.isEmpty()) {
            return new RefreshRotation.Invalid();
        }
        Optional<Grant> grant = find(h, token.get().grantId());
        if (grant.isEmpty()) {
            return new RefreshRotation.Invalid();
        }
        if (!token.get().current()) {
            return repeatOrReuse(h, token.get(), grant.get(), now, reuseGrace);
        }
        if (!grant.get().isActive(now)) {
            return new RefreshRotation.Invalid();
        }
        int demoted = h.createUpdate("UPDATE refresh_tokens SET is_current = 0, rotated_at = :now, "
                        + "successor_hash = :successor, successor_sealed = :sealed "
                        + "WHERE token_hash = :hash AND is_current = 1")
                .bind("hash", presented).bind("now", millis(now)).bind("successor", successor.tokenHash())
                .bind("sealed", successor.sealedToken().orElse(null))
                .execute();
        if (demoted != 1) {
            throw new IllegalStateException("a refresh token changed inside a write transaction");
        }
        insertCurrentToken(h, grant.get().grantId(), successor.tokenHash(), successor.expiresAt());
        return new RefreshRotation.Rotated(grant.get());
    }

    /** A repeat when the token was rotated within the grace into the still current token; else reuse. */
    private static RefreshRotation repeatOrReuse(Handle h, TokenRow token, Grant grant, Instant now, Duration grace) {
        if (token.sealedSuccessor() == null || token.rotatedAt() == null
                || !now.isBefore(token.rotatedAt().plus(grace)) || !grant.isActive(now)) {
            return new RefreshRotation.Reused(grant);
        }
        boolean successorCurrent = h.createQuery("SELECT 1 FROM refresh_tokens WHERE token_hash = :hash "
                        + "AND is_current = 1 AND expires_at > :now")
                .bind("hash", token.successorHash()).bind("now", millis(now))
                .mapTo(Integer.class).findOne().isPresent();
        return successorCurrent
                ? new RefreshRotation.Repeated(grant, token.sealedSuccessor())
                : new RefreshRotation.Reused(grant);
    }

    private static void insertCurrentToken(Handle h, String grantId, String tokenHash, Instant expiresAt) {
        h.createUpdate("INSERT INTO refresh_tokens (token_hash, grant_id, expires_at, is_current) "
                        + "VALUES (:hash, :grant, :expires, 1)")
                .bind("hash", tokenHash).bind("grant", grantId).bind("expires", millis(expiresAt))
                .execute();
    }

    private static Grant map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Grant(rs.getString("grant_id"), rs.getString("client_id"), rs.getString("user_id"),
                Columns.set(rs, "scopes"), rs.getString("resource"), instant(rs, "created_at"),
                instant(rs, "expires_at"), flag(rs, "revoked"));
    }

    private static TokenRow mapToken(ResultSet rs, StatementContext ctx) throws SQLException {
        long rotatedAt = rs.getLong("rotated_at");
        return new TokenRow(rs.getString("grant_id"), flag(rs, "is_current"),
                rs.wasNull() ? null : Instant.ofEpochMilli(rotatedAt),
                rs.getString("successor_hash"), rs.getString("successor_sealed"));
    }

    /** A refresh token row; the last three are null while it is current (and for a strict rotation's sealed). */
    private record TokenRow(String grantId, boolean current, Instant rotatedAt, String successorHash,
                            String sealedSuccessor) {
    }
}
