-- A log of which case changed, in commit order, for the live updates (src/live/): the server polls it
-- once a second and tells the open case pages and inboxes. Triggers, not calls in the store code, so
-- that every writer is seen: HTTP routes, channel adapters, the outbox, sweeps, and `rapport import`
-- running in another process on the same file. AUTOINCREMENT: ids are never reused after pruning, so
-- a browser's Last-Event-ID always means "what came after this".
CREATE TABLE case_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL
);

CREATE TRIGGER case_changes_case_inserted AFTER INSERT ON cases
BEGIN
  INSERT INTO case_changes (case_id) VALUES (NEW.id);
END;

CREATE TRIGGER case_changes_case_updated AFTER UPDATE ON cases
BEGIN
  INSERT INTO case_changes (case_id) VALUES (NEW.id);
END;

-- Messages and notes, and a reply's delivery moving from queued to sent or failed.
CREATE TRIGGER case_changes_message_inserted AFTER INSERT ON case_messages
BEGIN
  INSERT INTO case_changes (case_id) VALUES (NEW.case_id);
END;

CREATE TRIGGER case_changes_message_updated AFTER UPDATE ON case_messages
BEGIN
  INSERT INTO case_changes (case_id) VALUES (NEW.case_id);
END;

-- History (status moves, assignment, gestures) is recorded beside the case as case_events.
CREATE TRIGGER case_changes_event_inserted AFTER INSERT ON case_events
BEGIN
  INSERT INTO case_changes (case_id) VALUES (NEW.case_id);
END;
