package dev.mcpoauth.store.sqlite.internal;

import static dev.mcpoauth.store.sqlite.internal.Columns.instant;
import static dev.mcpoauth.store.sqlite.internal.Columns.json;
import static dev.mcpoauth.store.sqlite.internal.Columns.millis;
import static dev.mcpoauth.store.sqlite.internal.Columns.optionalInstant;
import static dev.mcpoauth.store.sqlite.internal.Columns.optionalString;

import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.RegisteredClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code clients} table, and the cascade that deletes what was issued to a client. */
public final class ClientRows {

    private static final String COLUMNS = "client_id, secret_hash, issued_at, secret_expires_at, redirect_uris, "
            + "grant_types, auth_method, scopes, client_name, client_uri, logo_uri";

    private ClientRows() {
    }

    /** Inserts a client; a taken id violates the primary key. */
    public static void insert(Handle h, RegisteredClient c) {
        h.createUpdate("INSERT INTO clients (" + COLUMNS + ") VALUES (:id, :secret, :issued, :secretExpires, "
                        + ":redirects, :grantTypes, :method, :scopes, :name, :uri, :logo)")
                .bind("id", c.clientId())
                .bind("secret", c.secretHash().orElse(null))
                .bind("issued", millis(c.issuedAt()))
                .bind("secretExpires", millis(c.secretExpiresAt()))
                .bind("redirects", json(c.redirectUris()))
                .bind("grantTypes", json(c.grantTypes()))
                .bind("method", c.authMethod().wireValue())
                .bind("scopes", json(c.scopes()))
                .bind("name", c.clientName().orElse(null))
                .bind("uri", c.clientUri().orElse(null))
                .bind("logo", c.logoUri().orElse(null))
                .execute();
    }

    /** Finds a client by id. */
    public static Optional<RegisteredClient> find(Handle h, String clientId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM clients WHERE client_id = :id")
                .bind("id", clientId)
                .map(ClientRows::map)
                .findOne();
    }

    /**
     * Deletes a client with its pending requests, codes and grants (refresh tokens follow their grant
     * through the foreign key); to be called inside a write transaction.
     *
     * @return whether the client row existed
     */
    public static boolean deleteWithEverythingIssued(Handle h, String clientId) {
        for (String table : new String[] {"pending_authorizations", "authorization_codes", "grants"}) {
            h.createUpdate("DELETE FROM " + table + " WHERE client_id = :id").bind("id", clientId).execute();
        }
        return h.createUpdate("DELETE FROM clients WHERE client_id = :id").bind("id", clientId).execute() == 1;
    }

    /** Records the client's latest use; an unknown id changes nothing. */
    public static void markUsed(Handle h, String clientId, Instant now) {
        h.createUpdate("UPDATE clients SET last_used_at = :now WHERE client_id = :id")
                .bind("now", millis(now)).bind("id", clientId).execute();
    }

    /** How many clients there are. */
    public static long count(Handle h) {
        return h.createQuery("SELECT count(*) FROM clients").mapTo(Long.class).one();
    }

    /** Never-used clients issued before the instant, oldest first. */
    public static List<String> unused(Handle h, Instant issuedBefore, int limit) {
        return h.createQuery("SELECT client_id FROM clients WHERE last_used_at IS NULL AND issued_at < :before "
                        + "ORDER BY issued_at, client_id LIMIT :limit")
                .bind("before", millis(issuedBefore)).bind("limit", limit)
                .mapTo(String.class).list();
    }

    /**
     * Deletes a client with everything issued to it if it was never used; to be called inside a
     * write transaction, which makes the check and the delete one step.
     *
     * @return whether it was deleted
     */
    public static boolean deleteIfUnused(Handle h, String clientId) {
        boolean unused = h.createQuery("SELECT count(*) FROM clients WHERE client_id = :id AND last_used_at IS NULL")
                .bind("id", clientId).mapTo(Integer.class).one() == 1;
        return unused && deleteWithEverythingIssued(h, clientId);
    }

    private static RegisteredClient map(ResultSet rs, StatementContext ctx) throws SQLException {
        String method = rs.getString("auth_method");
        return new RegisteredClient(
                rs.getString("client_id"),
                optionalString(rs, "secret_hash"),
                instant(rs, "issued_at"),
                optionalInstant(rs, "secret_expires_at"),
                Columns.list(rs, "redirect_uris"),
                Columns.list(rs, "grant_types"),
                ClientAuthMethod.fromWireValue(method)
                        .orElseThrow(() -> new IllegalStateException("a stored client has an unknown auth method")),
                Columns.set(rs, "scopes"),
                optionalString(rs, "client_name"),
                optionalString(rs, "client_uri"),
                optionalString(rs, "logo_uri"));
    }
}
