-- ARGV: prefix, clientId. Deletes the client with its pending requests, codes and grants (with
-- their refresh tokens) in one script. Returns 1 when the client existed.
return dropClient(ARGV[2])
