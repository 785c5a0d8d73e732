-- The fourth rule flag of the brief: "at risk", for a regular customer who has gone quiet, or one our
-- service kept waiting (SLA breaches on her cases) within a window. The marker row asks the flag
-- re-evaluation (src/flags/service.ts) to decide it once for every existing customer.
INSERT INTO flag_rules (flag, params, updated_at) VALUES
  ('at_risk', '{"quietDays":60,"minInteractions":3,"breaches":2,"days":30}', 0);
INSERT INTO settings (key, value) VALUES ('flags.reevaluate.at_risk', '0');
