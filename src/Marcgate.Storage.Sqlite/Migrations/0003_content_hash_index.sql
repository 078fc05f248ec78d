-- Finds a record by the content of its current version, for records without an OCLC number that
-- are sent again (gateway §7 step 7). Older versions share the index; the join on records.version
-- keeps only current ones.
CREATE INDEX record_versions_by_content_hash ON record_versions (content_hash, record_id, version);
