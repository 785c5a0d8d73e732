-- The projector's place in the event log (events.db), committed with what it projected: each event is applied
-- exactly once however the process stops.
CREATE TABLE projection_cursor (
  name TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Events the log accepted that the projection could not apply (a customer id that does not exist, …): kept with
-- their reason for the ingest status, never silently dropped.
CREATE TABLE projection_rejections (
  position INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  field TEXT NOT NULL,
  rejected_at INTEGER NOT NULL
);
