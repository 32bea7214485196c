-- ARGV: prefix, clientId, now ms. Records the client's latest use and takes it out of the
-- never-used index. Returns 1 when the client exists, 0 (nothing written) otherwise.
local k = key('client', ARGV[2])
if redis.call('EXISTS', k) == 0 then return 0 end
redis.call('HSET', k, 'used', ARGV[3])
redis.call('ZREM', key('clients', 'unused'), ARGV[2])
return 1
