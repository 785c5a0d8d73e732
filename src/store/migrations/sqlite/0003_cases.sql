-- Cases: every contact carried to resolution. Teams with business hours and SLA policies, the
-- case and its conversation, thread references for joining replies, SLA breaches, service
-- recovery gestures, reply templates, assignment rules, flag rules and case settings.

CREATE TABLE sla_policies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  -- JSON: minutes per priority, e.g. {"urgent":{"firstResponse":30,"nextResponse":60,"resolution":240}, …}
  targets TEXT NOT NULL,
  business_hours_only INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  department TEXT,
  timezone TEXT NOT NULL DEFAULT 'UTC',
  -- JSON: {"mon":[["09:00","17:00"]], …}; a day left out is closed; {} means always open.
  business_hours TEXT NOT NULL DEFAULT '{}',
  -- JSON: ["2026-12-25", …] in the team's time zone.
  holidays TEXT NOT NULL DEFAULT '[]',
  sla_policy_id TEXT REFERENCES sla_policies(id),
  auto_assign INTEGER NOT NULL DEFAULT 1,
  is_default INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

ALTER TABLE staff ADD COLUMN team_id TEXT REFERENCES teams(id);
ALTER TABLE staff ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';
-- The largest gesture this person may issue without approval, in minor units of empowerment_currency.
ALTER TABLE staff ADD COLUMN empowerment_limit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN empowerment_currency TEXT NOT NULL DEFAULT 'USD';
-- Takes new cases by automatic assignment.
ALTER TABLE staff ADD COLUMN available INTEGER NOT NULL DEFAULT 1;
ALTER TABLE staff ADD COLUMN last_assigned_at INTEGER;

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  subject TEXT NOT NULL,
  channel TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('new', 'open', 'pending', 'resolved', 'closed')),
  priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  reason TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  assignee_id TEXT REFERENCES staff(id),
  team_id TEXT REFERENCES teams(id),
  sla_policy_id TEXT REFERENCES sla_policies(id),
  opened_at INTEGER NOT NULL,
  first_response_at INTEGER,
  last_inbound_at INTEGER,
  last_outbound_at INTEGER,
  resolved_at INTEGER,
  closed_at INTEGER,
  first_response_due_at INTEGER,
  next_response_due_at INTEGER,
  resolution_due_at INTEGER,
  reopen_count INTEGER NOT NULL DEFAULT 0,
  contact_count INTEGER NOT NULL DEFAULT 0,
  repeat_of TEXT REFERENCES cases(id),
  -- 1 or 0 once resolved (one inbound contact, never reopened, no repeat contact followed); NULL before.
  first_contact_resolution INTEGER,
  updated_at INTEGER NOT NULL
);
CREATE INDEX cases_customer ON cases(customer_id, opened_at DESC);
CREATE INDEX cases_listing ON cases(opened_at DESC, id DESC);
CREATE INDEX cases_status ON cases(status, opened_at DESC);
CREATE INDEX cases_assignee ON cases(assignee_id, status);
CREATE INDEX cases_team ON cases(team_id, status);
CREATE INDEX cases_repeat_of ON cases(repeat_of) WHERE repeat_of IS NOT NULL;

-- The conversation: each entry is an interaction on the customer's timeline (text lives there).
CREATE TABLE case_messages (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  interaction_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('inbound', 'reply', 'note', 'call', 'gesture')),
  author_staff_id TEXT REFERENCES staff(id),
  at INTEGER NOT NULL,
  -- Replies only: the outbox. queued → sent, or failed after the last attempt.
  delivery TEXT CHECK (delivery IN ('queued', 'sent', 'failed')),
  delivery_attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  delivery_error TEXT,
  external_id TEXT
);
CREATE INDEX case_messages_case ON case_messages(case_id, at, id);
CREATE INDEX case_messages_outbox ON case_messages(next_attempt_at) WHERE delivery = 'queued';
CREATE INDEX case_messages_external ON case_messages(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX case_messages_interaction ON case_messages(interaction_id);

-- Ids a channel uses for messages of a case (Message-ID, tweet id), so a reply finds its case.
CREATE TABLE case_thread_refs (
  channel TEXT NOT NULL,
  ref TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases(id),
  PRIMARY KEY (channel, ref)
) WITHOUT ROWID;
CREATE INDEX case_thread_refs_case ON case_thread_refs(case_id);

-- Who changed what on a case, and when: status history for metrics and the audit trail.
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  change TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id, at);

CREATE TABLE sla_breaches (
  case_id TEXT NOT NULL REFERENCES cases(id),
  metric TEXT NOT NULL CHECK (metric IN ('first_response', 'next_response', 'resolution')),
  due_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, metric, due_at)
) WITHOUT ROWID;

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  case_id TEXT REFERENCES cases(id),
  customer_id TEXT,
  interaction_id INTEGER NOT NULL,
  mentioned_by TEXT NOT NULL REFERENCES staff(id),
  at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE INDEX mentions_staff ON mentions(staff_id, at DESC);

CREATE TABLE gestures (
  id TEXT PRIMARY KEY,
  case_id TEXT REFERENCES cases(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL CHECK (kind IN ('credit', 'refund', 'replacement', 'gift', 'note')),
  -- Minor units of currency (cents for USD, yen for JPY).
  amount INTEGER NOT NULL CHECK (amount >= 0),
  currency TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('issued', 'pending', 'rejected')),
  issued_by TEXT NOT NULL REFERENCES staff(id),
  decided_by TEXT REFERENCES staff(id),
  decided_at INTEGER,
  decision_note TEXT,
  interaction_id INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX gestures_case ON gestures(case_id);
CREATE INDEX gestures_customer ON gestures(customer_id, created_at);
CREATE INDEX gestures_pending ON gestures(created_at) WHERE status = 'pending';

CREATE TABLE reply_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  created_by TEXT REFERENCES staff(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- First match wins (by position): cases that match go to the team, to someone with the skill.
CREATE TABLE assignment_rules (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  -- JSON: {"channels":[…], "reasons":[…], "priorities":[…], "keywords":[…]}; a missing list matches all.
  conditions TEXT NOT NULL DEFAULT '{}',
  team_id TEXT NOT NULL REFERENCES teams(id),
  skill TEXT,
  created_at INTEGER NOT NULL
);

-- Customer flags a rule derives (customer_flags rows with source 'rule'); a manager edits the parameters.
CREATE TABLE flag_rules (
  flag TEXT PRIMARY KEY,
  enabled INTEGER NOT NULL DEFAULT 1,
  params TEXT NOT NULL,
  updated_by TEXT,
  updated_at INTEGER NOT NULL
);
INSERT INTO flag_rules (flag, params, updated_at) VALUES
  ('past_issues', '{"cases":3,"days":90,"gestures":1}', 0),
  ('needs_extra_support', '{"reopens":2,"repeatContacts":2,"days":90}', 0),
  ('vip', '{"lifetimeValue":1000,"currency":"USD"}', 0);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO settings (key, value) VALUES
  ('cases.repeatWindowDays', '7'),
  ('cases.threadWindowHours', '72');
