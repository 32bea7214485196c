-- Saves a pending request, code, access-token revocation or signing key.
-- ARGV: prefix, kind, id, owner index kind ('' for none), owner client id, expires ms, ttl ms, field/value pairs.
local kind, id, ownerKind, owner, expires, ttl = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local k = key(kind, id)
if ownerKind ~= '' then
  -- A record saved again for another client leaves the old client's index.
  local previous = redis.call('HGET', k, 'client')
  if previous and previous ~= owner then redis.call('SREM', key(ownerKind, previous), id) end
  index(key(ownerKind, owner), id, ttl)
end
put(k, ttl, 8)
schedule(kind, id, expires, ttl)
return 1
