-- The log position of the event whose projection wrote a row (an audit entry of a merge an event caused, or of a
-- view recorded through the log; a case's change; a merge); NULL for what staff did directly. `rapport reproject`
-- keeps the latter and projects the former again, and refuses to drop staff work without being told to.
ALTER TABLE audit_log ADD COLUMN log_position INTEGER;
ALTER TABLE case_events ADD COLUMN log_position INTEGER;
ALTER TABLE merges ADD COLUMN log_position INTEGER;
