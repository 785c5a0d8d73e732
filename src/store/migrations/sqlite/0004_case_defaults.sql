-- A new install answers its first customer with a promise it can keep: a default team on weekday
-- office hours (UTC; a manager changes the zone, hours and holidays) with a standard SLA policy.
-- Targets are minutes of business time: e.g. a normal case gets a first response within 4 hours.
INSERT INTO sla_policies (id, name, targets, business_hours_only, created_at, updated_at)
SELECT 'sla_default', 'Default SLA',
       '{"urgent":{"firstResponse":30,"nextResponse":60,"resolution":240},"high":{"firstResponse":60,"nextResponse":120,"resolution":480},"normal":{"firstResponse":240,"nextResponse":480,"resolution":1440},"low":{"firstResponse":480,"nextResponse":960,"resolution":2880}}',
       1, 0, 0
WHERE NOT EXISTS (SELECT 1 FROM sla_policies);

INSERT INTO teams (id, name, department, timezone, business_hours, holidays, sla_policy_id, auto_assign, is_default, created_at)
SELECT 'team_support', 'Support', 'support', 'UTC',
       '{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","17:00"]]}',
       '[]', 'sla_default', 1, 1, 0
WHERE NOT EXISTS (SELECT 1 FROM teams);
