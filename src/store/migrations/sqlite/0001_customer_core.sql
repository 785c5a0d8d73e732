-- The customer data core: staff and their credentials, customers and identities, the interaction
-- stream, preferences, flags and the audit trail. Times are epoch milliseconds (INTEGER), JSON is TEXT.

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'agent', 'viewer')),
  department TEXT,
  password_hash TEXT,
  created_at INTEGER NOT NULL,
  disabled_at INTEGER
);

CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions(staff_id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);

CREATE TABLE write_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  key_hint TEXT NOT NULL,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT,
  traits TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  first_seen_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  acquisition_source TEXT,
  lifecycle TEXT NOT NULL DEFAULT 'active' CHECK (lifecycle IN ('lead', 'active', 'at_risk', 'churned')),
  interaction_count INTEGER NOT NULL DEFAULT 0,
  merged_into TEXT REFERENCES customers(id),
  erased_at INTEGER
);
CREATE INDEX customers_last_seen ON customers(last_seen_at) WHERE merged_into IS NULL;

-- Words of a customer's name, for search by name without a full scan.
CREATE TABLE customer_search_terms (
  term TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  PRIMARY KEY (term, customer_id)
) WITHOUT ROWID;
CREATE INDEX customer_search_terms_customer ON customer_search_terms(customer_id);

-- profile_id is the profile an identity was first seen on; it never changes, which is what
-- lets a merge be undone long after it happened.
CREATE TABLE identities (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  profile_id TEXT NOT NULL REFERENCES customers(id),
  source TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (kind, value)
) WITHOUT ROWID;
CREATE INDEX identities_customer ON identities(customer_id, created_at, kind);
CREATE INDEX identities_profile ON identities(profile_id);

CREATE TABLE merges (
  id TEXT PRIMARY KEY,
  survivor_id TEXT NOT NULL REFERENCES customers(id),
  absorbed_id TEXT NOT NULL REFERENCES customers(id),
  absorbed_profiles TEXT NOT NULL,
  copied TEXT NOT NULL,
  reason TEXT NOT NULL,
  cause TEXT,
  merged_by TEXT,
  merged_at INTEGER NOT NULL,
  undone_at INTEGER,
  undone_by TEXT
);
CREATE INDEX merges_survivor ON merges(survivor_id);
CREATE INDEX merges_absorbed ON merges(absorbed_id);

-- The append-only interaction stream. No foreign keys here: this is the hottest insert path, and
-- customer ids are always resolved by the ingest pipeline in the same transaction.
CREATE TABLE interactions (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL,
  profile_id TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  direction TEXT NOT NULL,
  type TEXT NOT NULL,
  event TEXT,
  department TEXT,
  actor TEXT,
  text TEXT,
  properties TEXT,
  context TEXT,
  case_id TEXT,
  source TEXT NOT NULL,
  source_id TEXT NOT NULL
);
CREATE UNIQUE INDEX interactions_idempotency ON interactions(source, source_id);
CREATE INDEX interactions_timeline ON interactions(customer_id, occurred_at DESC, id DESC);

CREATE TABLE preferences (
  customer_id TEXT NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL CHECK (kind IN ('explicit', 'implicit')),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  confidence REAL,
  support INTEGER,
  evidence TEXT NOT NULL DEFAULT '[]',
  source TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (customer_id, kind, key)
) WITHOUT ROWID;

-- Running counts of attribute values per consumed subject, the input of implicit preferences.
CREATE TABLE behaviour_tallies (
  customer_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  attribute TEXT NOT NULL,
  value TEXT NOT NULL,
  count INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (customer_id, subject, attribute, value)
) WITHOUT ROWID;

CREATE TABLE customer_flags (
  customer_id TEXT NOT NULL REFERENCES customers(id),
  flag TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'rule')),
  reason TEXT,
  set_by TEXT,
  set_at INTEGER NOT NULL,
  PRIMARY KEY (customer_id, flag)
) WITHOUT ROWID;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  customer_id TEXT,
  detail TEXT,
  ip TEXT,
  request_id TEXT
);
CREATE INDEX audit_log_customer ON audit_log(customer_id, at);
CREATE INDEX audit_log_at ON audit_log(at);

-- Progress of CLI imports, so a re-run after a crash skips what already landed.
CREATE TABLE import_runs (
  id TEXT PRIMARY KEY,
  file TEXT NOT NULL,
  source TEXT NOT NULL,
  rows_committed INTEGER NOT NULL DEFAULT 0,
  rows_failed INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER
);

-- Counters that tell processes sharing the database file when their caches went stale
-- (e.g. identities moved by a merge in another process).
CREATE TABLE cache_epochs (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO cache_epochs (name, value) VALUES ('identities', 0);
