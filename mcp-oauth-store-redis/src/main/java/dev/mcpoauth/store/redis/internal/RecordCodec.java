package dev.mcpoauth.store.redis.internal;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.Grant;
import dev.mcpoauth.PendingAuthorization;
import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.SigningKey;
import dev.mcpoauth.StorageException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Redis hash layout of every record, written and read field by field (no reflection). The
 * fields the Lua scripts read are fixed here too: {@code expires} (every expiring record),
 * {@code client} (owned records), {@code revoked} (grants) and {@code used} (codes).
 */
public final class RecordCodec {

    private RecordCodec() {
    }

    /** The fields of a client; it has no {@code expires}, so nothing ever expires it. */
    public static List<String> client(RegisteredClient c) {
        return new FieldWriter().put("id", c.clientId()).put("secret", c.secretHash()).put("issued", c.issuedAt())
                .putInstant("secret_expires", c.secretExpiresAt()).put("redirect_uris", c.redirectUris())
                .put("grant_types", c.grantTypes()).put("auth_method", c.authMethod().wireValue())
                .put("scopes", c.scopes()).put("name", c.clientName()).put("uri", c.clientUri())
                .put("logo", c.logoUri()).pairs();
    }

    /** Reads a client. */
    public static RegisteredClient client(FieldReader r) {
        return decode("client", () -> new RegisteredClient(r.string("id"), r.optional("secret"), r.instant("issued"),
                r.optionalInstant("secret_expires"), r.list("redirect_uris"), r.list("grant_types"),
                ClientAuthMethod.fromWireValue(r.string("auth_method"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown auth method")),
                r.orderedSet("scopes"), r.optional("name"), r.optional("uri"), r.optional("logo")));
    }

    /** The fields of a pending request. */
    public static List<String> pending(PendingAuthorization p) {
        return new FieldWriter().put("id", p.idHash()).put("client", p.clientId()).put("redirect_uri", p.redirectUri())
                .put("redirect_explicit", p.redirectUriExplicit()).put("state", p.clientState())
                .put("challenge", p.codeChallenge()).put("scopes", p.scopes()).put("resource", p.resource())
                .put("created", p.createdAt()).put("expires", p.expiresAt()).pairs();
    }

    /** Reads a pending request. */
    public static PendingAuthorization pending(FieldReader r) {
        return decode("pending request", () -> new PendingAuthorization(r.string("id"), r.string("client"),
                r.string("redirect_uri"), r.bool("redirect_explicit"), r.optional("state"), r.string("challenge"),
                r.orderedSet("scopes"), r.string("resource"), r.instant("created"), r.instant("expires")));
    }

    /** The fields of a new, unused code. */
    public static List<String> code(AuthorizationCode c) {
        return new FieldWriter().put("hash", c.codeHash()).put("grant", c.grantId()).put("client", c.clientId())
                .put("redirect_uri", c.redirectUri()).put("redirect_explicit", c.redirectUriExplicit())
                .put("challenge", c.codeChallenge()).put("scopes", c.scopes()).put("resource", c.resource())
                .put("user", c.userId()).put("issued", c.issuedAt()).put("expires", c.expiresAt())
                .put("used", false).pairs();
    }

    /** Reads a code; its {@code used} flag is the scripts' business. */
    public static AuthorizationCode code(FieldReader r) {
        return decode("authorization code", () -> new AuthorizationCode(r.string("hash"), r.string("grant"),
                r.string("client"), r.string("redirect_uri"), r.bool("redirect_explicit"), r.string("challenge"),
                r.orderedSet("scopes"), r.string("resource"), r.string("user"), r.instant("issued"),
                r.instant("expires")));
    }

    /** The fields of a grant. */
    public static List<String> grant(Grant g) {
        return new FieldWriter().put("id", g.grantId()).put("client", g.clientId()).put("user", g.userId())
                .put("scopes", g.scopes()).put("resource", g.resource()).put("created", g.createdAt())
                .put("expires", g.expiresAt()).put("revoked", g.revoked()).pairs();
    }

    /** Reads a grant. */
    public static Grant grant(FieldReader r) {
        return decode("grant", () -> new Grant(r.string("id"), r.string("client"), r.string("user"),
                r.orderedSet("scopes"), r.string("resource"), r.instant("created"), r.instant("expires"),
                r.bool("revoked")));
    }

    /** The fields of a signing key. */
    public static List<String> signingKey(SigningKey k) {
        return new FieldWriter().put("id", k.keyId()).put("alg", k.algorithm()).put("jwk", k.privateJwk())
                .put("created", k.createdAt()).put("signs_until", k.signsUntil()).put("expires", k.expiresAt())
                .pairs();
    }

    /** Reads a signing key. */
    public static SigningKey signingKey(FieldReader r) {
        return decode("signing key", () -> new SigningKey(r.string("id"), r.string("alg"), r.string("jwk"),
                r.instant("created"), r.instant("signs_until"), r.instant("expires")));
    }

    /** The fields of an access-token revocation: only its expiry. */
    public static List<String> revocation(java.time.Instant expiresAt) {
        return new FieldWriter().put("expires", expiresAt).pairs();
    }

    /** An instant as the epoch milliseconds the scripts compare; {@link StorageException} when out of range. */
    public static String millis(java.time.Instant instant) {
        return FieldWriter.millis(instant);
    }

    private static <T> T decode(String kind, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StorageException("could not read a stored " + kind + ": it breaks the record's invariants", e);
        }
    }
}
