-- Schema version 3: what a rotated-away refresh token was rotated into, so that a repeat of the same
-- refresh within the reuse grace is answered with the same successor. rotated_at is when it stopped
-- being current; successor_hash names the token that replaced it; successor_sealed is that token
-- encrypted under a key only a holder of this token can derive (NULL for a strict rotation). All
-- three are NULL while the token is current. Tokens rotated under version 2 have no rotation
-- recorded, so a repeat of them reads as reuse, as it did then.

ALTER TABLE refresh_tokens ADD COLUMN rotated_at INTEGER;
ALTER TABLE refresh_tokens ADD COLUMN successor_hash TEXT;
ALTER TABLE refresh_tokens ADD COLUMN successor_sealed TEXT;
