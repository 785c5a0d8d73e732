-- Surveys (issue 14): what the company asks (NPS, CSAT, CES, custom questions), when (a trigger), and the customers
-- it asked. An invitation is one customer's signed, one-time, expiring link: only the SHA-256 of its secret is kept,
-- so the database cannot be read for working links. A response is what she answered through it, kept while partial.
CREATE TABLE surveys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('nps', 'csat', 'ces', 'custom')),
  -- JSON list of questions (feedback/model.ts): the score, the follow-up "why", choices and texts.
  questions TEXT NOT NULL,
  -- JSON: {"on":"manual"} | {"on":"case_resolved"} | {"on":"event","event":"Order Completed","afterDays":3}
  trigger TEXT NOT NULL,
  -- Nobody is invited to a survey within this many days of any earlier invitation.
  quiet_days INTEGER NOT NULL,
  link_valid_days INTEGER NOT NULL,
  -- JSON: {"enabled":true,"scoreAtMost":6,"priority":"high"}: a low score opens a case so that someone reaches out.
  follow_up TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  created_by TEXT REFERENCES staff(id)
);

CREATE TABLE survey_invitations (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  customer_id TEXT NOT NULL,
  case_id TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  sent_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  -- Set by the projection when her first answer lands, and when every required question has one.
  answered_at INTEGER,
  completed_at INTEGER,
  -- How the link reaches her: 'link' (handed to staff by the API to send), or by email: queued, sent, failed. An
  -- email's link is minted as it is sent (the hash above replaced), so no working secret waits in the database.
  delivery TEXT NOT NULL DEFAULT 'link' CHECK (delivery IN ('link', 'queued', 'sent', 'failed')),
  delivery_attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  delivery_error TEXT
);
-- The quiet period asks for a customer's latest invitation; a case's survey is found by its case.
CREATE INDEX survey_invitations_by_customer ON survey_invitations (customer_id, sent_at);
CREATE INDEX survey_invitations_by_case ON survey_invitations (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX survey_invitations_due ON survey_invitations (next_attempt_at) WHERE delivery = 'queued';
-- The survey after a resolved case looks for the cases resolved since its last look, every minute.
CREATE INDEX cases_resolved_at ON cases (resolved_at) WHERE resolved_at IS NOT NULL;

CREATE TABLE survey_responses (
  invitation_id TEXT PRIMARY KEY REFERENCES survey_invitations(id),
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  customer_id TEXT NOT NULL,
  case_id TEXT,
  score INTEGER,
  comment TEXT,
  -- JSON {questionId: answer}: every answer given so far, a later submission adding to it.
  answers TEXT NOT NULL,
  complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
  first_answered_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- The case a low score opened so that someone reaches out (the follow-up rule).
  follow_up_case_id TEXT
);
CREATE INDEX survey_responses_by_survey ON survey_responses (survey_id, first_answered_at);
CREATE INDEX survey_responses_by_customer ON survey_responses (customer_id);
-- A case page shows what its customer answered about it.
CREATE INDEX survey_responses_by_case ON survey_responses (case_id) WHERE case_id IS NOT NULL;
-- The feedback feed and digest read answers by time across surveys.
CREATE INDEX survey_responses_by_time ON survey_responses (first_answered_at);
-- The black-hole metric reads the comments followed up in a period.
CREATE INDEX survey_responses_followed_up ON survey_responses (first_answered_at) WHERE follow_up_case_id IS NOT NULL;

-- CSAT after a resolved case, on from day one (a manager may change or switch it off).
INSERT INTO surveys (id, name, kind, questions, trigger, quiet_days, link_valid_days, follow_up, active, created_at)
VALUES (
  'srv_csat_after_resolution', 'Satisfaction after a resolved case', 'csat',
  '[{"id":"score","type":"score","prompt":"How satisfied are you with the help you got?","required":true},{"id":"why","type":"text","prompt":"What is the main reason for your answer?","isComment":true,"required":false}]',
  '{"on":"case_resolved"}', 14, 14, '{"enabled":true,"scoreAtMost":2,"priority":"high"}', 1, 0
);
