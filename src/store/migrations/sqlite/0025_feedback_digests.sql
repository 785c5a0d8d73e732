-- Feedback digests (issue 14): staff who subscribe get new feedback, top ideas and the latest detractor comments by
-- email, daily or weekly. `last_sent_at` starts at the subscription: the first digest covers a whole period.
CREATE TABLE feedback_digest_subscriptions (
  staff_id TEXT PRIMARY KEY REFERENCES staff(id),
  frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  last_sent_at INTEGER NOT NULL
);
