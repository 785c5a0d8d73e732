-- Each event's idempotency key (source and sourceId, joined by U+001F) beside its body, whatever form the body
-- has: an erasure finds a customer's events by their keys. Not indexed: appends are the hot path, and an
-- erasure's one pass over the log is rare.
ALTER TABLE events ADD COLUMN key TEXT;
