-- Schema version 2: when each client last completed an authorization flow (a code of it was
-- redeemed), for the engine's cap on registrations. NULL means never used: such a client may be
-- evicted. Clients saved under version 1 count as used from their issue time, so that upgrading
-- never evicts a client that may be in use.

ALTER TABLE clients ADD COLUMN last_used_at INTEGER;
UPDATE clients SET last_used_at = issued_at;
CREATE INDEX clients_unused ON clients (issued_at, client_id) WHERE last_used_at IS NULL;
