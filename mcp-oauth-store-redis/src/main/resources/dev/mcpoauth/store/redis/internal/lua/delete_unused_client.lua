-- ARGV: prefix, clientId. Deletes the client as delete_client does, but only while it is in the
-- never-used index: the check and the delete are one step, so a client marked used at the same
-- moment is either kept or deleted before the mark. Returns 1 when it was deleted.
if not redis.call('ZSCORE', key('clients', 'unused'), ARGV[2]) then return 0 end
return dropClient(ARGV[2])
