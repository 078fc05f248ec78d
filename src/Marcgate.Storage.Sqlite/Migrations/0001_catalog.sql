-- Repositories, import profiles, accounts and records with every version kept (gateway §7).
CREATE TABLE repositories (
    name TEXT NOT NULL PRIMARY KEY,
    created_us INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE profiles (
    name TEXT NOT NULL PRIMARY KEY,
    validation_level TEXT NOT NULL,
    fields_to_delete TEXT NOT NULL,
    copy_cancelled_numbers INTEGER NOT NULL CHECK (copy_cancelled_numbers IN (0, 1)),
    match_on_oclc_numbers INTEGER NOT NULL CHECK (match_on_oclc_numbers IN (0, 1)),
    merge_method TEXT NOT NULL,
    no_match_action TEXT NOT NULL,
    protected_fields TEXT NOT NULL,
    allow_lower_encoding_level INTEGER NOT NULL CHECK (allow_lower_encoding_level IN (0, 1))
) WITHOUT ROWID;

CREATE TABLE accounts (
    logon_id TEXT NOT NULL PRIMARY KEY,
    repository TEXT NOT NULL REFERENCES repositories (name),
    profile TEXT NOT NULL,
    password_hash BLOB NOT NULL,
    password_salt BLOB NOT NULL,
    password_iterations INTEGER NOT NULL CHECK (password_iterations > 0),
    allowed_addresses TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    repository TEXT NOT NULL REFERENCES repositories (name),
    version INTEGER NOT NULL CHECK (version >= 1),
    created_us INTEGER NOT NULL,
    updated_us INTEGER NOT NULL,
    UNIQUE (id, repository)
);

CREATE INDEX records_by_repository ON records (repository, id);

-- Version 1 is the record as added; an overlay appends, never updates (gateway §7 step 6).
CREATE TABLE record_versions (
    record_id INTEGER NOT NULL REFERENCES records (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    content BLOB NOT NULL,
    content_hash TEXT NOT NULL,
    at_us INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('added', 'overlaid')),
    logon_id TEXT,
    user_id TEXT,
    PRIMARY KEY (record_id, version)
);

-- The match index: the primary key makes two records of one repository carrying one OCLC number
-- impossible, whatever the interleaving of writers.
CREATE TABLE oclc_numbers (
    repository TEXT NOT NULL,
    oclc_number INTEGER NOT NULL CHECK (oclc_number > 0),
    record_id INTEGER NOT NULL,
    PRIMARY KEY (repository, oclc_number),
    FOREIGN KEY (record_id, repository) REFERENCES records (id, repository)
) WITHOUT ROWID;

CREATE INDEX oclc_numbers_by_record ON oclc_numbers (record_id);
