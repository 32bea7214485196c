-- ARGV: prefix, now ms. Returns the field lists of every signing key whose expiry is after now.
local out = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', key('expiry', 'key'), '(' .. ARGV[2], '+inf')) do
  local k = redis.call('HGETALL', key('key', id))
  if #k > 0 then out[#out + 1] = k end
end
return out
