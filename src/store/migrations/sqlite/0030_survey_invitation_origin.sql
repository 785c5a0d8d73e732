-- Where a survey invitation came from (issue 14): a staff member sending it ('staff'), a trigger's sweep ('trigger'),
-- or a `{{survey.link}}` in a case reply ('reply'). A reply's link is the agent's choice, so it is minted even within
-- the quiet period; recording it lets the sweep after resolution see the case was already asked about.
ALTER TABLE survey_invitations ADD COLUMN origin TEXT NOT NULL DEFAULT 'staff'
  CHECK (origin IN ('staff', 'trigger', 'reply'));
-- Before this, only the sweeps queued invitations for email; every other one was handed to staff as a link.
UPDATE survey_invitations SET origin = 'trigger' WHERE delivery <> 'link';
