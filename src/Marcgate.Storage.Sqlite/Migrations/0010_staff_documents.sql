-- What staff users keep in the catalog (saved records, export options, destinations, export history), so that
-- every node serving the same catalog shows a cataloger the same. An empty owner is what an admin keeps for all.
CREATE TABLE staff_documents (
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_us INTEGER NOT NULL,
    PRIMARY KEY (owner, kind, key)
) WITHOUT ROWID;
