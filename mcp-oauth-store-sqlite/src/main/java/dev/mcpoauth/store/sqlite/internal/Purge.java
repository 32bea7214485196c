package dev.mcpoauth.store.sqlite.internal;

import static dev.mcpoauth.store.sqlite.internal.Columns.millis;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Housekeeping: deletes the rows that have expired. */
public final class Purge {

    private Purge() {
    }

    /**
     * Deletes everything expired at {@code now}; to be called inside a write transaction. Refresh
     * tokens of expired grants are deleted explicitly first, so that each one is counted.
     *
     * @return the number of rows deleted
     */
    public static int expired(Handle h, Instant now) {
        String[] deletes = {
            "DELETE FROM pending_authorizations WHERE expires_at <= :now",
            "DELETE FROM authorization_codes WHERE expires_at <= :now",
            "DELETE FROM refresh_tokens WHERE expires_at <= :now "
                    + "OR grant_id IN (SELECT grant_id FROM grants WHERE expires_at <= :now)",
            "DELETE FROM grants WHERE expires_at <= :now",
            "DELETE FROM revoked_access_tokens WHERE expires_at <= :now",
            "DELETE FROM signing_keys WHERE expires_at <= :now",
        };
        int deleted = 0;
        for (String delete : deletes) {
            deleted += h.createUpdate(delete).bind("now", millis(now)).execute();
        }
        return deleted;
    }
}
