-- Empowerment limits that add up: per staff member and currency, the largest single gesture, the most
-- issued on one case and the most issued by them in one day. NULL per_case / per_day means the default
-- (the per-gesture limit for a case, five times it for a day), so a limit set before this migration keeps
-- working with sensible sums. At the end, an index for the contact form's reply-time sample.
CREATE TABLE gesture_limits (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  currency TEXT NOT NULL,
  -- Minor units of currency, like gestures.amount.
  per_gesture INTEGER NOT NULL CHECK (per_gesture >= 0),
  per_case INTEGER CHECK (per_case >= 0),
  per_day INTEGER CHECK (per_day >= 0),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (staff_id, currency)
) WITHOUT ROWID;

-- The single limit each person had becomes their limit in that currency.
INSERT INTO gesture_limits (staff_id, currency, per_gesture, updated_at)
SELECT id, empowerment_currency, empowerment_limit, created_at FROM staff WHERE empowerment_limit > 0;

-- Why a gesture waits for a manager: above the single-gesture limit, or it would take the case's or the
-- agent's day's total over theirs. NULL for gestures that never waited.
ALTER TABLE gestures ADD COLUMN pending_reason TEXT;

-- The day's total of one person in one currency, summed when they issue a gesture.
CREATE INDEX gestures_issued_by_day ON gestures(issued_by, currency, created_at) WHERE status = 'issued';

-- The thank-you page's sample: a team's most recent answered cases, read on every contact-form post.
CREATE INDEX cases_team_answered ON cases(team_id, opened_at DESC) WHERE first_response_at IS NOT NULL;
