package dev.mcpoauth.store.redis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts of the store, one per operation that reads and writes more than one key: each runs
 * atomically inside Redis, so no JVM lock is involved and several processes can share the store.
 *
 * <p>Every script is {@code lua/lib.lua} followed by its own file; {@link #sha()} is its SHA-1, for
 * {@code EVALSHA}.
 */
public enum Script {
    /** Saves a client unless its id is taken. */
    SAVE_CLIENT("save_client"),
    /** Saves a pending request, code, access-token revocation or signing key with its indexes. */
    SAVE_RECORD("save_record"),
    /** Removes a pending request, once. */
    REMOVE_PENDING("remove_pending"),
    /** Marks a code used, once. */
    REDEEM_CODE("redeem_code"),
    /** Saves a grant with its first refresh token. */
    SAVE_GRANT("save_grant"),
    /** Replaces the current refresh token of a grant, once. */
    ROTATE_REFRESH("rotate_refresh"),
    /** Reads a current token and its active grant together. */
    FIND_GRANT_BY_REFRESH("find_grant_by_refresh"),
    /** Whether an access token's grant is active and the token itself not revoked. */
    ACCESS_TOKEN_ACTIVE("access_token_active"),
    /** Revokes a grant, once. */
    REVOKE_GRANT("revoke_grant"),
    /** Deletes a client and everything issued to it. */
    DELETE_CLIENT("delete_client"),
    /** Deletes a client and everything issued to it, if it was never used. */
    DELETE_UNUSED_CLIENT("delete_unused_client"),
    /** Records a client's use and takes it out of the never-used index. */
    MARK_CLIENT_USED("mark_client_used"),
    /** Reads the unexpired signing keys. */
    SIGNING_KEYS("signing_keys"),
    /** Deletes one batch of expired records. */
    PURGE("purge");

    private final String source;
    private final String sha;

    Script(String file) {
        this.source = read("lib") + "\n" + read(file);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            this.sha = HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** The full Lua source, for {@code EVAL} when the server does not know the script yet. */
    public String source() {
        return source;
    }

    /** The SHA-1 of {@link #source()}, for {@code EVALSHA}. */
    public String sha() {
        return sha;
    }

    private static String read(String name) {
        try (InputStream in = Script.class.getResourceAsStream("lua/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script lua/" + name + ".lua: the jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
