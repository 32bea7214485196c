package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;

import java.time.Instant;
import java.util.List;

/**
 * Keeps dynamic registration from filling the store: at most {@code maxClients} clients, making room
 * by evicting the oldest registrations that never completed a flow, and deleting such registrations
 * once they are older than {@code unusedClientLifetime}. A client that completed a flow is never
 * evicted: at the cap, with no unused client left, registration is refused with 503.
 *
 * <p>Evicting costs a legitimate client little: its id is refused with {@code invalid_client}, and
 * MCP clients then register again. The count is the store's and may be approximate while several
 * instances register at once. Thread safe.
 */
final class ClientCap {

    /** How many unused clients one purge round deletes before asking the store again. */
    private static final int BATCH = 200;
    private static final System.Logger LOG = System.getLogger(ClientCap.class.getName());

    private final Engine engine;

    /** Creates the cap. */
    public ClientCap(Engine engine) {
        this.engine = engine;
    }

    /**
     * Makes room for one more client.
     *
     * @param now the current time
     * @throws OAuthException {@code temporarily_unavailable} when the cap is reached and no
     *                        never-used client can be evicted
     */
    public void makeRoom(Instant now) {
        long excess = engine.store().countClients() - engine.config().maxClients() + 1;
        if (excess <= 0) {
            return;
        }
        int evicted = 0;
        for (String clientId : engine.store().unusedClients(now.plusSeconds(1), (int) Math.min(excess, BATCH))) {
            if (engine.store().deleteUnusedClient(clientId)) {
                evicted++;
            }
        }
        if (evicted > 0) {
            LOG.log(System.Logger.Level.INFO, "client cap {0} reached: evicted {1} never-used registration(s)",
                    engine.config().maxClients(), evicted);
        }
        if (evicted < excess) {
            LOG.log(System.Logger.Level.WARNING, "client cap {0} reached and every client has been used: "
                    + "registration refused", engine.config().maxClients());
            throw new OAuthException(OAuthErrorCode.TEMPORARILY_UNAVAILABLE,
                    "this server has reached its limit of registered clients; try again later");
        }
    }

    /**
     * Deletes the registrations that never completed a flow and are older than the unused-client lifetime.
     *
     * @param now the current time
     * @return how many were deleted
     */
    public int purgeUnused(Instant now) {
        Instant issuedBefore = now.minus(engine.config().unusedClientLifetime());
        int deleted = 0;
        while (true) {
            List<String> unused = engine.store().unusedClients(issuedBefore, BATCH);
            int round = 0;
            for (String clientId : unused) {
                if (engine.store().deleteUnusedClient(clientId)) {
                    round++;
                }
            }
            deleted += round;
            // A round that deleted nothing means the rest were used meanwhile: do not spin on them.
            if (unused.size() < BATCH || round == 0) {
                break;
            }
        }
        if (deleted > 0) {
            LOG.log(System.Logger.Level.INFO, "deleted {0} client registration(s) never used within {1}",
                    deleted, engine.config().unusedClientLifetime());
        }
        return deleted;
    }
}
