-- The public ideas board (issue 14): customers see the ideas staff made public, submit their own, vote (she then
-- counts as a requester) and comment, signed in by a link sent to their email. Off until a manager switches it on
-- (the setting `feedback.publicBoard`).
ALTER TABLE ideas ADD COLUMN public INTEGER NOT NULL DEFAULT 0;
-- The board lists the public ideas still standing, newest first or by votes.
CREATE INDEX ideas_public_by_time ON ideas (created_at DESC) WHERE public = 1 AND merged_into IS NULL;

-- What customers say about an idea on the board, for everyone to read. The board shows her first name only, kept
-- here as it was when she wrote (null: she gave none), so the page never reaches for her profile.
CREATE TABLE idea_comments (
  id TEXT PRIMARY KEY,
  idea_id TEXT NOT NULL REFERENCES ideas(id),
  customer_id TEXT NOT NULL,
  first_name TEXT,
  text TEXT NOT NULL,
  at INTEGER NOT NULL,
  -- The same words on her timeline.
  interaction_id INTEGER
);
CREATE INDEX idea_comments_by_idea ON idea_comments (idea_id, at);
CREATE INDEX idea_comments_by_customer ON idea_comments (customer_id);

-- Sign-in links (used once, 30 minutes) and the sessions they open (30 days), by the email they were sent to: she
-- may not be a customer yet. Only each secret's SHA-256 is kept.
CREATE TABLE public_board_secrets (
  secret_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('sign_in', 'session')),
  email TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  -- A sign-in link's one use.
  used_at INTEGER
);
-- Erasure finds hers by email; each new link sweeps the expired ones away.
CREATE INDEX public_board_secrets_by_email ON public_board_secrets (email);
CREATE INDEX public_board_secrets_by_expiry ON public_board_secrets (expires_at);
