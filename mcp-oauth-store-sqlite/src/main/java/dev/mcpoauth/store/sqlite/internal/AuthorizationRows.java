package dev.mcpoauth.store.sqlite.internal;

import static dev.mcpoauth.store.sqlite.internal.Columns.flag;
import static dev.mcpoauth.store.sqlite.internal.Columns.instant;
import static dev.mcpoauth.store.sqlite.internal.Columns.json;
import static dev.mcpoauth.store.sqlite.internal.Columns.millis;
import static dev.mcpoauth.store.sqlite.internal.Columns.optionalString;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.CodeRedemption;
import dev.mcpoauth.PendingAuthorization;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code pending_authorizations} and {@code authorization_codes} tables. */
public final class AuthorizationRows {

    private static final String PENDING = "id_hash, client_id, redirect_uri, redirect_uri_explicit, client_state, "
            + "code_challenge, scopes, resource, created_at, expires_at";
    private static final String CODE = "code_hash, grant_id, client_id, redirect_uri, redirect_uri_explicit, "
            + "code_challenge, scopes, resource, user_id, issued_at, expires_at";

    private AuthorizationRows() {
    }

    /** Inserts a pending request. */
    public static void insertPending(Handle h, PendingAuthorization p) {
        h.createUpdate("INSERT INTO pending_authorizations (" + PENDING + ") VALUES (:id, :client, :redirect, "
                        + ":explicit, :state, :challenge, :scopes, :resource, :created, :expires)")
                .bind("id", p.idHash()).bind("client", p.clientId()).bind("redirect", p.redirectUri())
                .bind("explicit", p.redirectUriExplicit() ? 1 : 0).bind("state", p.clientState().orElse(null))
                .bind("challenge", p.codeChallenge()).bind("scopes", json(p.scopes()))
                .bind("resource", p.resource()).bind("created", millis(p.createdAt()))
                .bind("expires", millis(p.expiresAt()))
                .execute();
    }

    /** Finds a pending request that has not expired at {@code now}. */
    public static Optional<PendingAuthorization> findPending(Handle h, String idHash, Instant now) {
        return h.createQuery("SELECT " + PENDING + " FROM pending_authorizations WHERE id_hash = :id AND expires_at > :now")
                .bind("id", idHash).bind("now", millis(now))
                .map(AuthorizationRows::mapPending)
                .findOne();
    }

    /** Deletes a pending request; the affected-row count decides which caller removed it. */
    public static boolean deletePending(Handle h, String idHash) {
        return h.createUpdate("DELETE FROM pending_authorizations WHERE id_hash = :id").bind("id", idHash).execute() == 1;
    }

    /** Inserts an unused code. */
    public static void insertCode(Handle h, AuthorizationCode c) {
        h.createUpdate("INSERT INTO authorization_codes (" + CODE + ") VALUES (:hash, :grant, :client, :redirect, "
                        + ":explicit, :challenge, :scopes, :resource, :user, :issued, :expires)")
                .bind("hash", c.codeHash()).bind("grant", c.grantId()).bind("client", c.clientId())
                .bind("redirect", c.redirectUri()).bind("explicit", c.redirectUriExplicit() ? 1 : 0)
                .bind("challenge", c.codeChallenge()).bind("scopes", json(c.scopes()))
                .bind("resource", c.resource()).bind("user", c.userId()).bind("issued", millis(c.issuedAt()))
                .bind("expires", millis(c.expiresAt()))
                .execute();
    }

    /**
     * Redeems a code; to be called inside a write transaction. The conditional UPDATE marks the code
     * used only if it is unused and unexpired, and its affected-row count picks the single winner.
     */
    public static CodeRedemption redeem(Handle h, String codeHash, Instant now) {
        int won = h.createUpdate("UPDATE authorization_codes SET redeemed_at = :now "
                        + "WHERE code_hash = :hash AND redeemed_at IS NULL AND expires_at > :now")
                .bind("hash", codeHash).bind("now", millis(now))
                .execute();
        Optional<AuthorizationCode> code = h.createQuery("SELECT " + CODE + " FROM authorization_codes "
                        + "WHERE code_hash = :hash AND expires_at > :now")
                .bind("hash", codeHash).bind("now", millis(now))
                .map(AuthorizationRows::mapCode)
                .findOne();
        if (code.isEmpty()) {
            return new CodeRedemption.NotFound();
        }
        return won == 1 ? new CodeRedemption.Redeemed(code.get()) : new CodeRedemption.Replayed(code.get());
    }

    private static PendingAuthorization mapPending(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PendingAuthorization(rs.getString("id_hash"), rs.getString("client_id"),
                rs.getString("redirect_uri"), flag(rs, "redirect_uri_explicit"), optionalString(rs, "client_state"),
                rs.getString("code_challenge"), Columns.set(rs, "scopes"), rs.getString("resource"),
                instant(rs, "created_at"), instant(rs, "expires_at"));
    }

    private static AuthorizationCode mapCode(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuthorizationCode(rs.getString("code_hash"), rs.getString("grant_id"), rs.getString("client_id"),
                rs.getString("redirect_uri"), flag(rs, "redirect_uri_explicit"), rs.getString("code_challenge"),
                Columns.set(rs, "scopes"), rs.getString("resource"), rs.getString("user_id"),
                instant(rs, "issued_at"), instant(rs, "expires_at"));
    }
}
