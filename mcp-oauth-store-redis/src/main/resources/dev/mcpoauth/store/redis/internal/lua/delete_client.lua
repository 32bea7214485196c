-- ARGV: prefix, clientId. Deletes the client with its pending requests, codes and grants (with
-- their refresh tokens) in one script. Returns 1 when the client existed.
local id = ARGV[2]
local existed = redis.call('DEL', key('client', id))
local function dropAll(indexKind, kind)
  local s = key(indexKind, id)
  for _, m in ipairs(redis.call('SMEMBERS', s)) do
    redis.call('DEL', key(kind, m))
    redis.call('ZREM', key('expiry', kind), m)
  end
  redis.call('DEL', s)
end
dropAll('client-pending', 'pending')
dropAll('client-codes', 'code')
local grants = key('client-grants', id)
for _, g in ipairs(redis.call('SMEMBERS', grants)) do dropGrant(g) end
redis.call('DEL', grants)
return existed
