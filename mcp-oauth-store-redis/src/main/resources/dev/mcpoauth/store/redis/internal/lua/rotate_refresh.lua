-- ARGV: prefix, presented hash, new hash, new expires ms, new ttl, now ms.
-- Returns {1, grant} rotated, {2, grant} reused (an earlier, rotated-away token), {0} invalid.
-- The old token stops being current and the new one becomes current in this one script.
local now = tonumber(ARGV[6])
local tk = key('refresh', ARGV[2])
local t = redis.call('HMGET', tk, 'grant', 'expires', 'current')
if not t[1] or tonumber(t[2]) <= now then return {0} end
local grant = redis.call('HGETALL', key('grant', t[1]))
if #grant == 0 then return {0} end
if t[3] ~= '1' then return {2, grant} end
if field(grant, 'revoked') == '1' or tonumber(field(grant, 'expires')) <= now then return {0} end
-- Marked, not deleted: a rotated-away token presented again is reuse, reported until it expires.
redis.call('HSET', tk, 'current', '0')
putToken(t[1], ARGV[3], ARGV[4], ARGV[5])
return {1, grant}
