-- What staff users keep in the catalog (saved records, export options, destinations, export history), so that
-- every node serving the same catalog shows a cataloger the same. An empty owner is what an admin keeps for all.
CREATE TABLE staff_documents (
    owner text COLLATE "C" NOT NULL,
    kind text COLLATE "C" NOT NULL,
    key text COLLATE "C" NOT NULL,
    value text NOT NULL,
    updated timestamptz NOT NULL,
    PRIMARY KEY (owner, kind, key)
);
