-- Duplicate cases of one customer merged into one (issue 10): the absorbed case's conversation moves
-- to the survivor and the absorbed case is closed pointing to it. Each merge records what undo needs
-- to give both cases back as they were.
CREATE TABLE case_merges (
  id TEXT PRIMARY KEY,
  survivor_id TEXT NOT NULL REFERENCES cases(id),
  absorbed_id TEXT NOT NULL REFERENCES cases(id),
  -- JSON: the absorbed case and every case merged into it before, whose messages moved with it.
  absorbed_cases TEXT NOT NULL,
  -- JSON: the absorbed case's fields as they were before the merge closed it (no customer data).
  absorbed_before TEXT NOT NULL,
  -- Contacts the survivor counted from the absorbed case (first-contact resolution counts them once).
  added_contacts INTEGER NOT NULL,
  -- Messages with a higher id arrived after the merge (through the absorbed case's thread, say).
  last_message_id INTEGER NOT NULL,
  merged_by TEXT REFERENCES staff(id),
  merged_at INTEGER NOT NULL,
  undone_at INTEGER,
  undone_by TEXT REFERENCES staff(id)
);
-- A case is absorbed by at most one merge in effect; both look-ups run on every case page.
CREATE UNIQUE INDEX case_merges_absorbed ON case_merges(absorbed_id) WHERE undone_at IS NULL;
CREATE INDEX case_merges_survivor ON case_merges(survivor_id, merged_at);

-- The case whose thread a message belongs to, when it shows on another case (moved there by a merge,
-- or arrived by the absorbed case's thread after it); NULL: the case it is on.
ALTER TABLE case_messages ADD COLUMN origin_case_id TEXT REFERENCES cases(id);
