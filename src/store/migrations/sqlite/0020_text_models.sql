-- Text models a company trained on its own labels (issue 13): contact reasons from the cases' staff-set reasons,
-- sentiment from a labelled file. Every version is kept so a manager can go back to one; at most one per kind is
-- active, and with none the offline rules apply (the keyword guesser for reasons, the baseline for sentiment).
CREATE TABLE text_models (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('reason', 'sentiment')),
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  -- The staff member who trained it; null for the command line.
  created_by TEXT REFERENCES staff(id),
  -- How many examples, and from where: 'cases' or the file's name.
  trained_on_examples INTEGER NOT NULL,
  trained_on_source TEXT NOT NULL,
  -- Cross-validated figures (per label, macro-F1, accuracy; for sentiment the baseline's macro-F1 on the same texts).
  metrics TEXT NOT NULL,
  -- serialiseModel's JSON: read only when the model is activated or first used, never by the listing.
  model TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
  UNIQUE (kind, version)
);

-- The projection asks for the active model of a kind once a batch: this index answers it, and makes a second
-- active model of a kind impossible.
CREATE UNIQUE INDEX text_models_active ON text_models(kind) WHERE active = 1;
