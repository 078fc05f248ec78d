-- The web console's staff users, apart from the gateway logons, and the key ring that signs their cookies:
-- both in the catalog so that every node serving the same catalog accepts the same sign-in.
CREATE TABLE staff_users (
    name text COLLATE "C" NOT NULL PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('admin', 'cataloger')),
    password_hash bytea NOT NULL,
    password_salt bytea NOT NULL,
    password_iterations integer NOT NULL CHECK (password_iterations > 0),
    created timestamptz NOT NULL
);

CREATE TABLE data_protection_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text COLLATE "C" NOT NULL UNIQUE,
    xml text NOT NULL,
    created timestamptz NOT NULL
);
