-- Only records without an OCLC number are ever looked up by content (gateway §7 step 7): a record with one is matched
-- by its numbers, and identical bytes carry identical numbers. Indexing the hash of every version made each new record
-- write a page at a random place in the index (hashes are random), a page of WAL and of checkpoint per record.
-- The index now holds the versions stored without numbers only.
ALTER TABLE record_versions ADD COLUMN oclc_numbered INTEGER NOT NULL DEFAULT 1 CHECK (oclc_numbered IN (0, 1));

-- Versions stored before this column existed take their record's current numbers; lookups read current versions only.
UPDATE record_versions SET oclc_numbered = 0
WHERE NOT EXISTS (SELECT 1 FROM oclc_numbers o WHERE o.record_id = record_versions.record_id);

DROP INDEX record_versions_by_content_hash;
CREATE INDEX record_versions_by_content_hash ON record_versions (content_hash, record_id, version) WHERE oclc_numbered = 0;
