-- ARGV: prefix, now ms, batch size. Deletes up to a batch of expired records of each kind, found
-- through the expiry indexes, with their index entries. Returns {deleted, 1 if a batch was full}.
local now, limit = tonumber(ARGV[2]), tonumber(ARGV[3])
local deleted, full = 0, 0

-- Calls action(id, key) for each due member whose record still exists and has expired; drops
-- the index entries of records Redis already deleted by their time to live (they are not counted).
local function each(kind, action)
  local z = key('expiry', kind)
  local ids = redis.call('ZRANGEBYSCORE', z, '-inf', ARGV[2], 'LIMIT', 0, limit)
  if #ids == limit then full = 1 end
  for _, id in ipairs(ids) do
    local k = key(kind, id)
    local e = redis.call('HGET', k, 'expires')
    if not e then
      redis.call('ZREM', z, id)
    elseif tonumber(e) <= now then
      action(id, k)
      redis.call('ZREM', z, id)
    else
      redis.call('ZADD', z, e, id)
    end
  end
end

local function owned(kind, ownerField, ownerIndex)
  each(kind, function(id, k)
    local owner = redis.call('HGET', k, ownerField)
    deleted = deleted + redis.call('DEL', k)
    if owner then redis.call('SREM', key(ownerIndex, owner), id) end
  end)
end

-- Grants first: a grant past its end takes all its refresh tokens with it.
each('grant', function(id, k)
  local owner = redis.call('HGET', k, 'client')
  deleted = deleted + dropGrant(id)
  if owner then redis.call('SREM', key('client-grants', owner), id) end
end)
owned('refresh', 'grant', 'grant-tokens')
owned('pending', 'client', 'client-pending')
owned('code', 'client', 'client-codes')
owned('revoked-jti', 'client', 'none')
owned('key', 'client', 'none')
return {deleted, full}
