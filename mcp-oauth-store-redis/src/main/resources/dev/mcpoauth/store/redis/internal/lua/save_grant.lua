-- ARGV: prefix, grantId, clientId, grant expires ms, grant ttl, token hash, token expires ms, token ttl,
-- grant field/value pairs. Writes the grant and its first, current refresh token together.
local g, owner, ttl = ARGV[2], ARGV[3], ARGV[5]
local k = key('grant', g)
local previous = redis.call('HGET', k, 'client')
if previous and previous ~= owner then redis.call('SREM', key('client-grants', previous), g) end
put(k, ttl, 9)
index(key('client-grants', owner), g, ttl)
schedule('grant', g, ARGV[4], ttl)
putToken(g, ARGV[6], ARGV[7], ARGV[8])
return 1
