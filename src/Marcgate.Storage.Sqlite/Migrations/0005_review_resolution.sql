-- A review item stays after a cataloger resolves it, with who decided what and when (gateway §7 step 5):
-- the list of items to review shows open ones only.
ALTER TABLE review_items ADD COLUMN resolved_us INTEGER;
ALTER TABLE review_items ADD COLUMN resolved_by TEXT;
ALTER TABLE review_items ADD COLUMN resolution TEXT CHECK (resolution IN ('overlaid', 'added', 'discarded'));
ALTER TABLE review_items ADD COLUMN resolved_record_id INTEGER;

DROP INDEX review_items_by_repository;
CREATE INDEX review_items_open_by_repository ON review_items (repository, id) WHERE resolved_us IS NULL;
