-- Each import's correlation ID, shared by its receipt and the host's log line; receipts from before have none.
ALTER TABLE receipts ADD COLUMN correlation_id text COLLATE "C";

-- marcgate receipts --correlation ID finds one receipt among millions without reading them all.
CREATE INDEX receipts_by_correlation ON receipts (correlation_id) WHERE correlation_id IS NOT NULL;
