-- Ingest performance (issue #3): fewer random B-tree pages written per ingested event.

-- Customer activity (first/last seen, interaction count) is now read from the timeline index, so
-- ingest no longer updates the customer row and its last-seen index for every batch. The columns
-- stay, unmaintained, as the fallback for a profile with no interactions (and because the erasure
-- code still writes interaction_count); the recent-customers list walks this index instead.
DROP INDEX customers_last_seen;
CREATE INDEX interactions_recent ON interactions(occurred_at);

-- The idempotency index holds a 53-bit hash of (source, source_id) (see src/store/source-key.ts)
-- instead of both strings: about a quarter of the size. It is not unique, since two keys may share a
-- hash; the ingest pipeline compares the strings too, inside the write transaction that stores the
-- event. rapport_source_key is the same function, registered on the connection by the SQLite engine.
ALTER TABLE interactions ADD COLUMN source_key INTEGER NOT NULL DEFAULT 0;
UPDATE interactions SET source_key = rapport_source_key(source, source_id);
DROP INDEX interactions_idempotency;
CREATE INDEX interactions_source_key ON interactions(source_key);
