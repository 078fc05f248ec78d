-- The web console's staff users, apart from the gateway logons, and the key ring that signs their cookies:
-- both in the catalog so that every node serving the same catalog accepts the same sign-in.
CREATE TABLE staff_users (
    name TEXT NOT NULL PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('admin', 'cataloger')),
    password_hash BLOB NOT NULL,
    password_salt BLOB NOT NULL,
    password_iterations INTEGER NOT NULL CHECK (password_iterations > 0),
    created_us INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    xml TEXT NOT NULL,
    created_us INTEGER NOT NULL
);
