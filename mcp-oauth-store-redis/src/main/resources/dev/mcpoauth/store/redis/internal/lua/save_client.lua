-- ARGV: prefix, clientId, field/value pairs. Returns 1, or 0 when the id is taken (nothing written).
-- The client joins the index of all clients (countClients) and the never-used index, scored by its
-- issue time (unusedClients); markClientUsed takes it out of the latter.
local k = key('client', ARGV[2])
if redis.call('EXISTS', k) == 1 then return 0 end
-- Clients have no expiry: they live until deleteClient.
redis.call('HSET', k, unpack(ARGV, 3))
redis.call('SADD', key('clients', 'all'), ARGV[2])
redis.call('ZADD', key('clients', 'unused'), redis.call('HGET', k, 'issued'), ARGV[2])
return 1
