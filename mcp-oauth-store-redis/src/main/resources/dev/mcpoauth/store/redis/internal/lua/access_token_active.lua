-- ARGV: prefix, grant id, token id (jti), now ms. Returns 1 when the grant exists, is not revoked and has
-- not ended, and the access token was not revoked; else 0. The bearer check's store read, in one round trip.
local g = redis.call('HMGET', key('grant', ARGV[2]), 'revoked', 'expires')
if not g[2] or g[1] == '1' or tonumber(g[2]) <= tonumber(ARGV[4]) then return 0 end
if redis.call('EXISTS', key('revoked-jti', ARGV[3])) == 1 then return 0 end
return 1
