-- Schema version 1 of the mcp-oauth SQLite token store.
-- Instants are INTEGER milliseconds since the epoch (UTC), booleans are INTEGER 0/1, ordered string
-- lists (redirect URIs, grant types, scopes) are JSON arrays of strings. Hash columns hold the opaque
-- hashes the engine hands over and are compared with the default BINARY collation (case-sensitive).
-- There is deliberately no foreign key from the other tables to clients: a client identified by a
-- Client ID Metadata Document may never be saved here. deleteClient cascades in code instead.

CREATE TABLE clients (
    client_id         TEXT    NOT NULL PRIMARY KEY,
    secret_hash       TEXT,
    issued_at         INTEGER NOT NULL,
    secret_expires_at INTEGER,
    redirect_uris     TEXT    NOT NULL,
    grant_types       TEXT    NOT NULL,
    auth_method       TEXT    NOT NULL,
    scopes            TEXT    NOT NULL,
    client_name       TEXT,
    client_uri        TEXT,
    logo_uri          TEXT
) STRICT;

CREATE TABLE pending_authorizations (
    id_hash               TEXT    NOT NULL PRIMARY KEY,
    client_id             TEXT    NOT NULL,
    redirect_uri          TEXT    NOT NULL,
    redirect_uri_explicit INTEGER NOT NULL CHECK (redirect_uri_explicit IN (0, 1)),
    client_state          TEXT,
    code_challenge        TEXT    NOT NULL,
    scopes                TEXT    NOT NULL,
    resource              TEXT    NOT NULL,
    created_at            INTEGER NOT NULL,
    expires_at            INTEGER NOT NULL
) STRICT;
CREATE INDEX pending_authorizations_client ON pending_authorizations (client_id);
CREATE INDEX pending_authorizations_expiry ON pending_authorizations (expires_at);

-- redeemed_at is NULL until the single successful redemption sets it.
CREATE TABLE authorization_codes (
    code_hash             TEXT    NOT NULL PRIMARY KEY,
    grant_id              TEXT    NOT NULL,
    client_id             TEXT    NOT NULL,
    redirect_uri          TEXT    NOT NULL,
    redirect_uri_explicit INTEGER NOT NULL CHECK (redirect_uri_explicit IN (0, 1)),
    code_challenge        TEXT    NOT NULL,
    scopes                TEXT    NOT NULL,
    resource              TEXT    NOT NULL,
    user_id               TEXT    NOT NULL,
    issued_at             INTEGER NOT NULL,
    expires_at            INTEGER NOT NULL,
    redeemed_at           INTEGER
) STRICT;
CREATE INDEX authorization_codes_client ON authorization_codes (client_id);
CREATE INDEX authorization_codes_expiry ON authorization_codes (expires_at);

CREATE TABLE grants (
    grant_id   TEXT    NOT NULL PRIMARY KEY,
    client_id  TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    scopes     TEXT    NOT NULL,
    resource   TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
) STRICT;
CREATE INDEX grants_client ON grants (client_id);
CREATE INDEX grants_expiry ON grants (expires_at);

-- Every refresh token a grant ever had: the current one (is_current = 1) and the rotated-away ones,
-- kept until they expire so that their reuse is recognised.
CREATE TABLE refresh_tokens (
    token_hash TEXT    NOT NULL PRIMARY KEY,
    grant_id   TEXT    NOT NULL REFERENCES grants (grant_id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    is_current INTEGER NOT NULL CHECK (is_current IN (0, 1))
) STRICT;
CREATE INDEX refresh_tokens_grant ON refresh_tokens (grant_id);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);
-- A grant never has two current tokens, whatever the code above does.
CREATE UNIQUE INDEX refresh_tokens_one_current ON refresh_tokens (grant_id) WHERE is_current = 1;

CREATE TABLE revoked_access_tokens (
    token_id   TEXT    NOT NULL PRIMARY KEY,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX revoked_access_tokens_expiry ON revoked_access_tokens (expires_at);

CREATE TABLE signing_keys (
    key_id      TEXT    NOT NULL PRIMARY KEY,
    algorithm   TEXT    NOT NULL,
    private_jwk TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    signs_until INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX signing_keys_created ON signing_keys (created_at);
