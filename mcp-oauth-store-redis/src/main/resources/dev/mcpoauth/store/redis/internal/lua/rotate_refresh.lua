-- ARGV: prefix, presented hash, new hash, new expires ms, new ttl, now ms, reuse grace ms, sealed
-- successor ('' for a strict rotation).
-- Returns {1, grant} rotated, {3, grant, sealed} repeated within the grace, {2, grant} reused (any
-- other rotated-away token), {0} invalid. The old token stops being current, records its rotation,
-- and the new one becomes current in this one script, so concurrent callers on any instance see
-- either the state before it or the state after it.
local now = tonumber(ARGV[6])
local tk = key('refresh', ARGV[2])
local t = redis.call('HMGET', tk, 'grant', 'expires', 'current', 'rotated', 'successor', 'sealed')
if not t[1] or tonumber(t[2]) <= now then return {0} end
local grant = redis.call('HGETALL', key('grant', t[1]))
if #grant == 0 then return {0} end
local active = field(grant, 'revoked') ~= '1' and tonumber(field(grant, 'expires')) > now
if t[3] ~= '1' then
  if t[6] and t[4] and now < tonumber(t[4]) + tonumber(ARGV[7]) and active then
    local s = redis.call('HMGET', key('refresh', t[5]), 'current', 'expires')
    if s[1] == '1' and tonumber(s[2]) > now then return {3, grant, t[6]} end
  end
  return {2, grant}
end
if not active then return {0} end
-- Marked, not deleted: a rotated-away token presented again is a repeat or a reuse until it expires.
redis.call('HSET', tk, 'current', '0', 'rotated', ARGV[6], 'successor', ARGV[3])
if ARGV[8] ~= '' then redis.call('HSET', tk, 'sealed', ARGV[8]) end
putToken(t[1], ARGV[3], ARGV[4], ARGV[5])
return {1, grant}
