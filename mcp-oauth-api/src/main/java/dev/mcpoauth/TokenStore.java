package dev.mcpoauth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence for everything the authorization server remembers: registered clients, pending
 * authorization requests, authorization codes, grants with their refresh-token families, revoked
 * access tokens and signing keys.
 *
 * <h2>What a store receives</h2>
 * Secrets arrive already hashed: codes, refresh tokens, client secrets and login request ids are
 * handed over as {@code ...Hash} strings, which a store keeps and compares as opaque keys. A store
 * never sees a raw secret and never needs to hash anything.
 *
 * <h2>Atomicity (every implementation must honour it)</h2>
 * <ul>
 *   <li>{@link #redeemAuthorizationCode}: among any number of concurrent callers, in any number of
 *       processes sharing the store, exactly one gets {@link CodeRedemption.Redeemed} for a code.</li>
 *   <li>{@link #rotateRefreshToken}: exactly one caller gets {@link RefreshRotation.Rotated} for a
 *       refresh token; the old token stops being current and the new one becomes current in one
 *       step, so no caller can ever see both or neither; a repeat within the reuse grace sees the
 *       successor of that one rotation.</li>
 *   <li>{@link #removePendingAuthorization}: exactly one caller gets {@code true}.</li>
 *   <li>{@link #revokeGrant}: revokes the grant, its refresh tokens and its access tokens in one
 *       step.</li>
 *   <li>Every write is all or nothing: an operation that throws {@link StorageException} changed
 *       nothing.</li>
 * </ul>
 *
 * <h2>Time</h2>
 * Methods that depend on expiry take {@code now} from the caller, so the engine's clock is the only
 * clock. A row is expired when {@code now >= expiresAt}; expired rows are invisible to reads at once
 * and removed by {@link #purgeExpired(Instant)}. A rotated-away refresh token is kept until its own
 * expiry, so a reuse after that reads as {@link RefreshRotation.Invalid}, not
 * {@link RefreshRotation.Reused}. Instants keep at least millisecond precision.
 *
 * <h2>References</h2>
 * Pending requests, codes and grants name a client id that need not belong to a saved client: a
 * client known only through a Client ID Metadata Document is never saved. Stores must not enforce
 * that reference; {@link #deleteClient} still removes what names the id.
 *
 * <p>Implementations are thread safe. Every method throws {@link StorageException} when the store
 * cannot do its work; none returns null.
 */
public interface TokenStore extends AutoCloseable {

    // ---- clients ---------------------------------------------------------------------------------

    /**
     * Saves a newly registered client.
     *
     * @param client the client; its id is new
     * @throws StorageException if a client with that id exists, or the store fails
     */
    void saveClient(RegisteredClient client);

    /**
     * Finds a registered client.
     *
     * @param clientId the client id
     * @return the client, or empty when unknown
     */
    Optional<RegisteredClient> findClient(String clientId);

    /**
     * Deletes a client and everything issued to it: its pending requests, codes and grants.
     *
     * @param clientId the client id
     * @return whether the client existed
     */
    boolean deleteClient(String clientId);

    /**
     * Records that a client completed an authorization flow (one of its codes was redeemed). A client
     * marked so is never returned by {@link #unusedClients} and never deleted by
     * {@link #deleteUnusedClient}: the engine evicts only registrations nobody ever used.
     *
     * <p>The default does nothing, so that stores written before it keep compiling; such a store
     * reports no unused clients, and the engine then evicts nothing.
     *
     * @param clientId the client id; an unknown id is ignored
     * @param now      the current time, kept as the time of last use
     */
    default void markClientUsed(String clientId, Instant now) {
    }

    /**
     * How many clients are saved, used or not. The engine compares it with its cap on registered
     * clients; it may be approximate while other processes register concurrently.
     *
     * <p>The default reports 0, which turns the cap off.
     *
     * @return the number of saved clients
     */
    default long countClients() {
        return 0;
    }

    /**
     * The ids of saved clients that were never {@linkplain #markClientUsed marked used} and were
     * issued before {@code issuedBefore}: the candidates for eviction, oldest
     * {@link RegisteredClient#issuedAt()} first (ties in id order).
     *
     * <p>The default reports none.
     *
     * @param issuedBefore only clients issued strictly before this instant
     * @param limit        the most ids to return; positive
     * @return the ids, oldest first
     */
    default List<String> unusedClients(Instant issuedBefore, int limit) {
        return List.of();
    }

    /**
     * Deletes a client as {@link #deleteClient} does, but only if it was never
     * {@linkplain #markClientUsed marked used}, atomically: a client whose first code is redeemed
     * at the same moment is either marked used and kept, or deleted before the mark (which then
     * does nothing).
     *
     * <p>The default deletes nothing.
     *
     * @param clientId the client id
     * @return whether a never-used client was deleted by this call
     */
    default boolean deleteUnusedClient(String clientId) {
        return false;
    }

    // ---- pending authorization requests ----------------------------------------------------------

    /**
     * Saves an authorization request that waits for the user to log in.
     *
     * @param pending the request; its id hash is new
     */
    void savePendingAuthorization(PendingAuthorization pending);

    /**
     * Finds a pending request that has not expired.
     *
     * @param idHash the hash of the request id
     * @param now    the current time
     * @return the request, or empty when unknown, expired or already removed
     */
    Optional<PendingAuthorization> findPendingAuthorization(String idHash, Instant now);

    /**
     * Removes a pending request, atomically: when several callers race to complete the same login,
     * exactly one gets {@code true}.
     *
     * @param idHash the hash of the request id
     * @return whether this call removed it
     */
    boolean removePendingAuthorization(String idHash);

    // ---- authorization codes ---------------------------------------------------------------------

    /**
     * Saves a newly issued authorization code.
     *
     * @param code the code; its hash is new
     */
    void saveAuthorizationCode(AuthorizationCode code);

    /**
     * Marks a code used and returns it, atomically. A used code is kept until it expires, so that a
     * second redemption is recognised as a replay.
     *
     * @param codeHash the hash of the presented code
     * @param now      the current time
     * @return {@link CodeRedemption.Redeemed} for exactly one caller, {@link CodeRedemption.Replayed}
     *         for every later one while the code has not expired, {@link CodeRedemption.NotFound} otherwise
     */
    CodeRedemption redeemAuthorizationCode(String codeHash, Instant now);

    // ---- grants and refresh tokens ---------------------------------------------------------------

    /**
     * Saves a new grant with its first refresh token.
     *
     * @param grant                 the grant; its id is new and it is not revoked
     * @param refreshTokenHash      the hash of the first refresh token
     * @param refreshTokenExpiresAt when that refresh token expires (not after the grant's end)
     */
    void saveGrant(Grant grant, String refreshTokenHash, Instant refreshTokenExpiresAt);

    /**
     * Replaces the current refresh token of a grant with a new one, atomically, or recognises a
     * repeat of a rotation that just happened.
     *
     * <p>The presented token is looked up among the unexpired tokens:
     * <ul>
     *   <li>current, its grant active: it stops being current, {@code successor} becomes current, and
     *       the presented token keeps {@code now} as its rotation time and the successor's hash and
     *       {@link RefreshSuccessor#sealedToken() sealed token} (if any) -> {@link RefreshRotation.Rotated};</li>
     *   <li>rotated away at a time {@code t} with {@code now < t + reuseGrace} and a sealed successor
     *       kept, and that successor is still the current, unexpired token of the active grant ->
     *       {@link RefreshRotation.Repeated} with the kept sealed successor; nothing changes;</li>
     *   <li>any other rotated-away token of a grant, revoked or not -> {@link RefreshRotation.Reused};
     *       nothing changes;</li>
     *   <li>otherwise -> {@link RefreshRotation.Invalid}; nothing changes.</li>
     * </ul>
     * Among concurrent callers presenting the same current token, in any number of processes
     * sharing the store, exactly one gets {@code Rotated}; the others see the state after it.
     *
     * @param presentedHash the hash of the refresh token the client presented
     * @param successor     the token that replaces it
     * @param now           the current time
     * @param reuseGrace    how long after its rotation a token may be repeated; zero for none
     * @return the outcome, as above
     */
    RefreshRotation rotateRefreshToken(String presentedHash, RefreshSuccessor successor, Instant now,
                                       Duration reuseGrace);

    /**
     * A strict rotation: {@link #rotateRefreshToken(String, RefreshSuccessor, Instant, Duration)}
     * with an {@link RefreshSuccessor#unsealed unsealed} successor and no reuse grace.
     *
     * @param presentedHash the hash of the refresh token the client presented
     * @param newHash       the hash of the refresh token that replaces it
     * @param newExpiresAt  when the new refresh token expires
     * @param now           the current time
     * @return {@link RefreshRotation.Rotated}, {@link RefreshRotation.Reused} or {@link RefreshRotation.Invalid}
     */
    default RefreshRotation rotateRefreshToken(String presentedHash, String newHash, Instant newExpiresAt, Instant now) {
        return rotateRefreshToken(presentedHash, RefreshSuccessor.unsealed(newHash, newExpiresAt), now, Duration.ZERO);
    }

    /**
     * Finds a grant by id, whether active, revoked or expired, until it is purged.
     *
     * @param grantId the grant id
     * @return the grant, or empty when unknown
     */
    Optional<Grant> findGrant(String grantId);

    /**
     * Finds the active grant whose current, unexpired refresh token has this hash.
     *
     * @param refreshTokenHash the hash of a refresh token
     * @param now              the current time
     * @return the grant, or empty when the token is unknown, rotated away, expired or revoked
     */
    Optional<Grant> findGrantByRefreshToken(String refreshTokenHash, Instant now);

    /**
     * Revokes a grant: its refresh tokens stop working and {@link #findGrant} reports it revoked,
     * which the engine checks for every access token minted from it.
     *
     * @param grantId the grant id
     * @return whether an active grant was revoked by this call
     */
    boolean revokeGrant(String grantId);

    // ---- access tokens ---------------------------------------------------------------------------

    /**
     * Records that one access token is revoked, until it would have expired anyway.
     *
     * @param tokenId   the token's {@code jti}
     * @param expiresAt the token's {@code exp}; the record may be purged after it
     */
    void revokeAccessToken(String tokenId, Instant expiresAt);

    /**
     * Whether an access token was revoked by {@link #revokeAccessToken}.
     *
     * @param tokenId the token's {@code jti}
     * @return whether it is revoked
     */
    boolean isAccessTokenRevoked(String tokenId);

    /**
     * Whether an access token may still be used, as far as the store knows: its grant exists, is not
     * revoked and has not ended, and the token itself was not revoked. This runs on every request to
     * the protected MCP endpoint; the default asks {@link #findGrant} and {@link #isAccessTokenRevoked},
     * and a store should answer in one round trip when it can.
     *
     * @param grantId the grant the token was minted from
     * @param tokenId the token's {@code jti}
     * @param now     the current time
     * @return whether the token is active
     */
    default boolean isAccessTokenActive(String grantId, String tokenId, Instant now) {
        return findGrant(grantId).filter(grant -> grant.isActive(now)).isPresent() && !isAccessTokenRevoked(tokenId);
    }

    // ---- signing keys ----------------------------------------------------------------------------

    /**
     * Saves a new signing key.
     *
     * @param key the key; its id is new
     */
    void saveSigningKey(SigningKey key);

    /**
     * The signing keys that have not expired, newest first.
     *
     * @param now the current time
     * @return the keys; empty when none exist yet
     */
    List<SigningKey> signingKeys(Instant now);

    // ---- housekeeping ----------------------------------------------------------------------------

    /**
     * Deletes what has expired: pending requests, codes, refresh tokens, grants past their end,
     * access-token revocations past the token's expiry, and signing keys past {@code expiresAt}.
     *
     * @param now the current time
     * @return how many records were deleted
     */
    int purgeExpired(Instant now);

    /** Releases connections and files. The store is unusable afterwards. */
    @Override
    void close();
}
