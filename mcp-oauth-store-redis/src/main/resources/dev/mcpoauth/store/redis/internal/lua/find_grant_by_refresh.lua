-- ARGV: prefix, token hash, now ms. Returns the grant's fields when the token is current and
-- unexpired and the grant active, else an empty reply. One script, so token and grant are read together.
local now = tonumber(ARGV[3])
local t = redis.call('HMGET', key('refresh', ARGV[2]), 'grant', 'expires', 'current')
if not t[1] or t[3] ~= '1' or tonumber(t[2]) <= now then return {} end
local grant = redis.call('HGETALL', key('grant', t[1]))
if #grant == 0 or field(grant, 'revoked') == '1' or tonumber(field(grant, 'expires')) <= now then return {} end
return grant
