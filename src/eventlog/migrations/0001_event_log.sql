-- The ingest log: every accepted event, in the order it was acknowledged. Rows are only ever appended,
-- and removed from the front once projected and older than the retention window. No secondary index:
-- appends are the hot path, and every read is by position.

-- One acknowledged append (an API request, an import batch): when, and who sent it.
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  appended_at INTEGER NOT NULL,
  origin TEXT NOT NULL,
  first_position INTEGER NOT NULL,
  last_position INTEGER NOT NULL
);

-- AUTOINCREMENT: a position is never given twice, even after the front of the log is pruned.
CREATE TABLE events (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  batch INTEGER NOT NULL,
  body TEXT NOT NULL
);
