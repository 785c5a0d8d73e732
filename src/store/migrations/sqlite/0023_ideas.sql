-- Ideas (issue 14): feature requests, suggestions and advisory-board input, each with every customer who asked and
-- the words she used, a status with its reason, and the personal replies that close the loop with each of them.
CREATE TABLE ideas (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'under_review', 'planned', 'in_progress', 'shipped', 'declined', 'already_possible')),
  -- Why declined, or how to do it today (already possible); optional otherwise.
  status_reason TEXT,
  -- A duplicate merged into another: its requesters moved there; it stays so links to it still lead somewhere.
  merged_into TEXT REFERENCES ideas(id),
  created_at INTEGER NOT NULL,
  created_by TEXT REFERENCES staff(id),
  updated_at INTEGER NOT NULL
);
CREATE INDEX ideas_by_status ON ideas (status, updated_at DESC) WHERE merged_into IS NULL;

-- Who asked, in her own words, and through which interaction (a post, a mail, a call) when there was one.
CREATE TABLE idea_requesters (
  idea_id TEXT NOT NULL REFERENCES ideas(id),
  customer_id TEXT NOT NULL,
  interaction_id INTEGER,
  text TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  added_by TEXT REFERENCES staff(id),
  PRIMARY KEY (idea_id, customer_id)
);
CREATE INDEX idea_requesters_by_customer ON idea_requesters (customer_id);
-- The black-hole metric reads the requests made in a period.
CREATE INDEX idea_requesters_by_time ON idea_requesters (added_at);

-- A personal answer to one requester: who wrote it, when, and how it went (on her open case, by email, or by hand).
CREATE TABLE idea_replies (
  id TEXT PRIMARY KEY,
  idea_id TEXT NOT NULL REFERENCES ideas(id),
  customer_id TEXT NOT NULL,
  text TEXT NOT NULL,
  staff_id TEXT REFERENCES staff(id),
  at INTEGER NOT NULL,
  via TEXT NOT NULL CHECK (via IN ('case', 'email', 'recorded')),
  case_id TEXT,
  interaction_id INTEGER
);
CREATE INDEX idea_replies_by_idea ON idea_replies (idea_id, customer_id, at);
CREATE INDEX idea_replies_by_customer ON idea_replies (customer_id);

-- What happened to an idea: statuses with reasons, merges, requesters added; who did it.
CREATE TABLE idea_events (
  id INTEGER PRIMARY KEY,
  idea_id TEXT NOT NULL REFERENCES ideas(id),
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  change TEXT NOT NULL
);
CREATE INDEX idea_events_by_idea ON idea_events (idea_id, at);
