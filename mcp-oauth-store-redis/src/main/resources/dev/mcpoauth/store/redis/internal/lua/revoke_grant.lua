-- ARGV: prefix, grantId. Returns 1 for the one call that revoked an active grant, else 0.
-- One flag revokes everything at once: refresh tokens and access tokens are checked against it.
local k = key('grant', ARGV[2])
if redis.call('HGET', k, 'revoked') ~= '0' then return 0 end
redis.call('HSET', k, 'revoked', '1')
return 1
