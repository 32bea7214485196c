-- Helpers prepended to every script of the Redis token store. ARGV[1] is always the key prefix;
-- every key is prefix .. kind .. ':' .. id, with kinds that contain no ':' so that no two collide.
-- Keys are derived inside the scripts, so the store targets a standalone Redis (or one primary), not Cluster.
local P = ARGV[1]

local function key(kind, id)
  return P .. kind .. ':' .. id
end

-- The value of one field in a flat HGETALL reply, or nil.
local function field(flat, name)
  for i = 1, #flat, 2 do
    if flat[i] == name then return flat[i + 1] end
  end
  return nil
end

-- Extends a key's time to live to at least ttl ms: an index lives as long as its longest-lived member.
local function keep(k, ttl)
  if redis.call('PTTL', k) < tonumber(ttl) then redis.call('PEXPIRE', k, ttl) end
end

-- Replaces a record hash with the field/value pairs ARGV[first..] and gives it its time to live.
local function put(k, ttl, first)
  redis.call('DEL', k)
  redis.call('HSET', k, unpack(ARGV, first))
  redis.call('PEXPIRE', k, ttl)
end

-- Adds a member to an owner's index set (client -> its codes, grant -> its tokens, ...).
local function index(setKey, member, ttl)
  redis.call('SADD', setKey, member)
  keep(setKey, ttl)
end

-- Records when a record expires, so that purgeExpired finds it without scanning the keyspace.
local function schedule(kind, id, expires, ttl)
  local z = key('expiry', kind)
  redis.call('ZADD', z, expires, id)
  keep(z, ttl)
end

-- Writes a refresh token as the current one of its grant.
local function putToken(grant, token, expires, ttl)
  local k = key('refresh', token)
  redis.call('DEL', k)
  redis.call('HSET', k, 'grant', grant, 'expires', expires, 'current', '1')
  redis.call('PEXPIRE', k, ttl)
  index(key('grant-tokens', grant), token, ttl)
  schedule('refresh', token, expires, ttl)
end

-- Deletes a grant with all its refresh tokens; returns how many records existed and were deleted.
local function dropGrant(grant)
  local deleted = redis.call('DEL', key('grant', grant))
  local tokens = key('grant-tokens', grant)
  for _, t in ipairs(redis.call('SMEMBERS', tokens)) do
    deleted = deleted + redis.call('DEL', key('refresh', t))
    redis.call('ZREM', key('expiry', 'refresh'), t)
  end
  redis.call('DEL', tokens)
  redis.call('ZREM', key('expiry', 'grant'), grant)
  return deleted
end

-- Deletes a client with its pending requests, codes and grants (with their refresh tokens), and
-- drops it from the client indexes. Returns 1 when the client existed.
local function dropClient(id)
  local existed = redis.call('DEL', key('client', id))
  redis.call('SREM', key('clients', 'all'), id)
  redis.call('ZREM', key('clients', 'unused'), id)
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
end
