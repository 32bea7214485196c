-- ARGV: prefix, codeHash, now ms. Returns {1, code} redeemed, {2, code} replayed, {0} not found or expired.
-- The check and the mark are one script, so among any number of callers exactly one sees 1.
local k = key('code', ARGV[2])
local code = redis.call('HGETALL', k)
if #code == 0 or tonumber(field(code, 'expires')) <= tonumber(ARGV[3]) then return {0} end
if field(code, 'used') == '1' then return {2, code} end
-- The used code stays until it expires (its time to live is unchanged), so later calls are replays.
redis.call('HSET', k, 'used', '1')
return {1, code}
