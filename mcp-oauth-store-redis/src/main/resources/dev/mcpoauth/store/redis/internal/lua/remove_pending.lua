-- ARGV: prefix, idHash. Returns 1 for the one caller that removed the request, 0 for every other.
local id = ARGV[2]
local k = key('pending', id)
local owner = redis.call('HGET', k, 'client')
if not owner then return 0 end
redis.call('DEL', k)
redis.call('SREM', key('client-pending', owner), id)
redis.call('ZREM', key('expiry', 'pending'), id)
return 1
