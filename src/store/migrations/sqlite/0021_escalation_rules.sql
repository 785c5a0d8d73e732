-- Escalation rules (issue 13): a customer's negative, urgent words open a case or raise the priority of the one they
-- join, by rules a manager edits. Tried in position order; the first that matches applies. One rule ships enabled,
-- so that a furious post is prioritised from day one; a manager may change or disable it.
CREATE TABLE escalation_rules (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  -- JSON: {"channels":[…], "reasons":[…], "sentimentAtMost":-0.3, "urgencyAtLeast":0.5}; an empty list matches all.
  conditions TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('high', 'urgent')),
  -- Whether words that open no case of their own (a survey comment, a review, an in-app message) open one.
  opens_case INTEGER NOT NULL DEFAULT 1 CHECK (opens_case IN (0, 1)),
  created_at INTEGER NOT NULL
);

INSERT INTO escalation_rules (id, position, name, enabled, conditions, priority, opens_case, created_at)
VALUES (
  'esc_negative_urgent', 0, 'Negative and urgent', 1,
  '{"channels":[],"reasons":[],"sentimentAtMost":-0.3,"urgencyAtLeast":0.5}',
  'high', 1, 0
);
