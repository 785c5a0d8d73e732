-- The resolution clock stands still while a case is pending (waiting on the customer), as help desks
-- count "requester wait time": since when it stands still, or NULL while it runs.
ALTER TABLE cases ADD COLUMN resolution_paused_at INTEGER;
