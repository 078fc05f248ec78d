-- Lockouts end at a time every host on the store sees, and a logon ID's recent addresses are known, so failures
-- from elsewhere never lock out the address the owner logs on from (gateway §7 step 1).
CREATE TABLE logon_locks (
    scope INTEGER NOT NULL,
    key TEXT NOT NULL,
    until_us INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);

CREATE TABLE logon_successes (
    logon_id TEXT NOT NULL,
    peer_address TEXT NOT NULL,
    at_us INTEGER NOT NULL,
    PRIMARY KEY (logon_id, peer_address)
);
