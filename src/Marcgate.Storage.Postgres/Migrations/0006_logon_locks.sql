-- Lockouts end at a time every host node sees, and a logon ID's recent addresses are known, so failures
-- from elsewhere never lock out the address the owner logs on from (gateway §7 step 1).
CREATE TABLE logon_locks (
    scope smallint NOT NULL,
    key text COLLATE "C" NOT NULL,
    until timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);

CREATE TABLE logon_successes (
    logon_id text COLLATE "C" NOT NULL,
    peer_address text COLLATE "C" NOT NULL,
    at timestamptz NOT NULL,
    PRIMARY KEY (logon_id, peer_address)
);
