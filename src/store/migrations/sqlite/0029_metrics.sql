-- CX metrics kept current (issue 15): every case, survey answer, gesture and listened text contributes to
-- per-day cells by one dimension (channel, team, agent, reason, priority, segment, or all). A dashboard reads
-- a few hundred cells instead of every case, and a change to a case moves only its own contributions.

-- What changed since the metrics last looked: filled by the triggers below on every write path (replies,
-- merges, erasure, the SLA sweep), emptied by the refresher in src/metrics/refresh.ts.
-- A case a historical message opened (an import, a replayed feed) was closed by the import, not resolved by anyone:
-- it counts as a contact and leaves the backlog, but tells nothing of resolution times, first-contact resolution
-- or SLA. Earlier ones are found by the `historical` mark of their opening event.
ALTER TABLE cases ADD COLUMN historical INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET historical = 1
 WHERE id IN (SELECT case_id FROM case_events WHERE json_extract(change, '$.opened.historical') = 1);

CREATE TABLE metric_dirty (
  kind TEXT NOT NULL CHECK (kind IN ('case', 'response', 'gesture')),
  id TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- The fact each subject last contributed, so a change subtracts exactly what was added before.
CREATE TABLE metric_facts (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  fact TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- One cell: a metric over one local day, week (from its Monday) or month (from its 1st) — `day` is where it starts,
-- in days since 1970-01-01 in the metrics time zone — for one value of one dimension. A query reads whole months
-- and weeks where it can and days at the edges, so a year is a few hundred cells. n counts, total sums, hits
-- counts successes; hist is a JSON histogram [bucket, count, sum, …] of durations or scores in 1 % buckets.
CREATE TABLE metric_rollups (
  metric TEXT NOT NULL,
  dim TEXT NOT NULL,
  grain TEXT NOT NULL CHECK (grain IN ('day', 'week', 'month')),
  day INTEGER NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  total REAL NOT NULL,
  hits INTEGER NOT NULL,
  hist TEXT,
  PRIMARY KEY (metric, dim, grain, day, key)
) WITHOUT ROWID;

CREATE TRIGGER metric_case_inserted AFTER INSERT ON cases
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('case', NEW.id); END;
-- Only when something the metrics read changed: a case is updated on every message (last_inbound_at, updated_at),
-- and the case engine should not pay for a queue row each time.
CREATE TRIGGER metric_case_updated AFTER UPDATE ON cases
WHEN OLD.customer_id IS NOT NEW.customer_id
  OR OLD.channel IS NOT NEW.channel
  OR OLD.status IS NOT NEW.status
  OR OLD.priority IS NOT NEW.priority
  OR OLD.reason IS NOT NEW.reason
  OR OLD.team_id IS NOT NEW.team_id
  OR OLD.assignee_id IS NOT NEW.assignee_id
  OR OLD.opened_at IS NOT NEW.opened_at
  OR OLD.first_response_at IS NOT NEW.first_response_at
  OR OLD.resolved_at IS NOT NEW.resolved_at
  OR OLD.closed_at IS NOT NEW.closed_at
  OR OLD.first_response_due_at IS NOT NEW.first_response_due_at
  OR OLD.resolution_due_at IS NOT NEW.resolution_due_at
  OR OLD.reopen_count IS NOT NEW.reopen_count
  OR OLD.contact_count IS NOT NEW.contact_count
  OR OLD.repeat_of IS NOT NEW.repeat_of
  OR OLD.first_contact_resolution IS NOT NEW.first_contact_resolution
  OR OLD.historical IS NOT NEW.historical
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('case', NEW.id); END;
CREATE TRIGGER metric_case_deleted AFTER DELETE ON cases
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('case', OLD.id); END;
-- Answers and gestures are filed under their case's channel, team, reason and priority: they move when it does.
CREATE TRIGGER metric_case_filed_again AFTER UPDATE OF channel, team_id, assignee_id, reason, priority ON cases
WHEN OLD.channel IS NOT NEW.channel OR OLD.team_id IS NOT NEW.team_id OR OLD.assignee_id IS NOT NEW.assignee_id
  OR OLD.reason IS NOT NEW.reason OR OLD.priority IS NOT NEW.priority
BEGIN
  INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'response', invitation_id FROM survey_responses WHERE case_id = NEW.id;
  INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'gesture', id FROM gestures WHERE case_id = NEW.id;
END;
-- Times in business hours follow the team's calendar.
CREATE TRIGGER metric_team_hours_changed AFTER UPDATE OF business_hours, holidays, timezone ON teams
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'case', id FROM cases WHERE team_id = NEW.id; END;
-- A breach decides the case's SLA target without touching the case row.
CREATE TRIGGER metric_breach_recorded AFTER INSERT ON sla_breaches
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('case', NEW.case_id); END;
-- A merge absorbs a case (and an undo gives it back) through case_merges.
CREATE TRIGGER metric_case_merged AFTER INSERT ON case_merges
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('case', NEW.absorbed_id); END;
CREATE TRIGGER metric_case_merge_changed AFTER UPDATE ON case_merges
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('case', NEW.absorbed_id); END;
-- Segments are customer flags: a flag set or cleared moves the customer's cases and answers between segments.
CREATE TRIGGER metric_flag_set AFTER INSERT ON customer_flags
BEGIN
  INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'case', id FROM cases WHERE customer_id = NEW.customer_id;
  INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'response', invitation_id FROM survey_responses WHERE customer_id = NEW.customer_id;
  INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'gesture', id FROM gestures WHERE customer_id = NEW.customer_id;
END;
CREATE TRIGGER metric_flag_cleared AFTER DELETE ON customer_flags
BEGIN
  INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'case', id FROM cases WHERE customer_id = OLD.customer_id;
  INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'response', invitation_id FROM survey_responses WHERE customer_id = OLD.customer_id;
  INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'gesture', id FROM gestures WHERE customer_id = OLD.customer_id;
END;
CREATE TRIGGER metric_response_inserted AFTER INSERT ON survey_responses
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('response', NEW.invitation_id); END;
CREATE TRIGGER metric_response_updated AFTER UPDATE ON survey_responses
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('response', NEW.invitation_id); END;
CREATE TRIGGER metric_response_deleted AFTER DELETE ON survey_responses
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('response', OLD.invitation_id); END;
CREATE TRIGGER metric_gesture_inserted AFTER INSERT ON gestures
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('gesture', NEW.id); END;
CREATE TRIGGER metric_gesture_updated AFTER UPDATE ON gestures
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('gesture', NEW.id); END;
CREATE TRIGGER metric_gesture_deleted AFTER DELETE ON gestures
BEGIN INSERT OR IGNORE INTO metric_dirty (kind, id) VALUES ('gesture', OLD.id); END;

-- Listened texts are append-only: the refresher reads them past its cursor (interactions.id, in settings as
-- metrics.interactionCursor) instead of a trigger on the hottest insert path.

-- The drill-down lists a period's gestures.
CREATE INDEX gestures_by_time ON gestures (created_at);

-- Everything already there is counted by the first refresh.
INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'case', id FROM cases;
INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'response', invitation_id FROM survey_responses;
INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'gesture', id FROM gestures;
