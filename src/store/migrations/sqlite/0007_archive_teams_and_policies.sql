-- Teams and SLA policies are archived rather than deleted: cases keep pointing at the team that
-- handled them and the policy their clock ran on, for history and metrics. NULL while in use.
ALTER TABLE teams ADD COLUMN archived_at INTEGER;
ALTER TABLE sla_policies ADD COLUMN archived_at INTEGER;
