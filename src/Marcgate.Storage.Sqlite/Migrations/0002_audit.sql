-- Receipts, the review list and failed logons (gateway §7 steps 5 and 9).
CREATE TABLE receipts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at_us INTEGER NOT NULL,
    peer_address TEXT NOT NULL,
    logon_id TEXT,
    user_id TEXT,
    ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
    action TEXT,
    code TEXT,
    repository TEXT,
    record_id INTEGER,
    oclc_number INTEGER,
    message TEXT
);

CREATE TABLE review_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    repository TEXT NOT NULL REFERENCES repositories (name),
    at_us INTEGER NOT NULL,
    content BLOB NOT NULL,
    candidate_ids TEXT NOT NULL,
    reason TEXT NOT NULL,
    logon_id TEXT,
    user_id TEXT,
    peer_address TEXT
);

CREATE INDEX review_items_by_repository ON review_items (repository, id);

CREATE TABLE logon_failures (
    scope INTEGER NOT NULL,
    key TEXT NOT NULL,
    at_us INTEGER NOT NULL
);

CREATE INDEX logon_failures_by_key ON logon_failures (scope, key, at_us);
