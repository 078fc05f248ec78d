-- Records without an OCLC number that are recognised by their content (gateway §7 step 7): the primary key lets one
-- record per repository hold a content as its current version, so two identical records sent at once to two host
-- nodes make one record. Only adds that ask for it (RecordCommit.MatchOnContent) claim a key; an overlay releases it.
CREATE TABLE content_keys (
    repository text COLLATE "C" NOT NULL,
    content_hash text COLLATE "C" NOT NULL,
    record_id bigint NOT NULL,
    PRIMARY KEY (repository, content_hash),
    FOREIGN KEY (record_id, repository) REFERENCES records (id, repository)
);

CREATE INDEX content_keys_by_record ON content_keys (record_id);
