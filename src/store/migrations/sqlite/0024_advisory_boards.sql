-- Advisory boards (issue 14): named groups of customers, chosen by hand or by a flag they hold (the VIPs), their
-- sessions, and the input they gave, each item linkable to an idea (its giver then counts as a requester).
CREATE TABLE advisory_boards (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- Members by a flag as well as by hand: every customer holding it belongs while she holds it.
  member_flag TEXT,
  created_at INTEGER NOT NULL,
  created_by TEXT REFERENCES staff(id)
);

CREATE TABLE advisory_board_members (
  board_id TEXT NOT NULL REFERENCES advisory_boards(id),
  customer_id TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  added_by TEXT REFERENCES staff(id),
  PRIMARY KEY (board_id, customer_id)
);
CREATE INDEX advisory_board_members_by_customer ON advisory_board_members (customer_id);

CREATE TABLE advisory_sessions (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES advisory_boards(id),
  title TEXT NOT NULL,
  held_at INTEGER NOT NULL,
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX advisory_sessions_by_board ON advisory_sessions (board_id, held_at);

CREATE TABLE advisory_inputs (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES advisory_boards(id),
  session_id TEXT REFERENCES advisory_sessions(id),
  -- Who said it; null for what the board said together (a session's conclusion).
  customer_id TEXT,
  text TEXT NOT NULL,
  at INTEGER NOT NULL,
  -- Her words on her timeline (and read by listening), when she said them.
  interaction_id INTEGER,
  idea_id TEXT REFERENCES ideas(id),
  recorded_by TEXT REFERENCES staff(id)
);
CREATE INDEX advisory_inputs_by_board ON advisory_inputs (board_id, at);
-- The feedback feed and digest read input by time across boards.
CREATE INDEX advisory_inputs_by_time ON advisory_inputs (at);
CREATE INDEX advisory_inputs_by_customer ON advisory_inputs (customer_id) WHERE customer_id IS NOT NULL;
