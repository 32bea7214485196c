-- ARGV: prefix, clientId, field/value pairs. Returns 1, or 0 when the id is taken (nothing written).
local k = key('client', ARGV[2])
if redis.call('EXISTS', k) == 1 then return 0 end
-- Clients have no expiry: they live until deleteClient.
redis.call('HSET', k, unpack(ARGV, 3))
return 1
