-- A review item stays after a cataloger resolves it, with who decided what and when (gateway §7 step 5):
-- the list of items to review shows open ones only.
ALTER TABLE review_items
    ADD COLUMN resolved timestamptz,
    ADD COLUMN resolved_by text,
    ADD COLUMN resolution text CHECK (resolution IN ('overlaid', 'added', 'discarded')),
    ADD COLUMN resolved_record_id bigint,
    ADD CONSTRAINT review_items_resolved_whole CHECK ((resolved IS NULL) = (resolved_by IS NULL) AND (resolved IS NULL) = (resolution IS NULL));

-- The list reads open items only; review_items_by_repository stays for removing a repository's items.
CREATE INDEX review_items_open_by_repository ON review_items (repository, id) WHERE resolved IS NULL;
CREATE INDEX review_items_open ON review_items (id) WHERE resolved IS NULL;
