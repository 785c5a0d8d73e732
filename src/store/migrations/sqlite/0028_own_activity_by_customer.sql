-- Why customers come, stay and leave (issue 15): the churn, acquisition and retention reports read each customer's
-- own activity in time order (what she did: inbound, and not a system's record of her, as the context card counts
-- it), to find the silences longer than the churn setting's days and the months she was active.
--
-- A partial index of her activity by profile and time, with the event name so that the churn event is found in
-- it too: without it, a report sorted every interaction by customer (a table scan and a sort, 3.6 s at 1.3M rows
-- against 0.7 s). Its cost on ingest is one more entry per inbound event of a customer's own, written next to the
-- timeline index's entry for the same profile (bench/retention.ts measures both); staff notes, replies and
-- identify/alias calls are not in it.
CREATE INDEX interactions_own_activity ON interactions (profile_id, occurred_at, event)
  WHERE direction = 'inbound' AND channel <> 'system';

-- The experiences that preceded churn, read by time for the period: SLA clocks that ran out (by when they ran out)
-- and gestures issued. Both tables are written a few times per case, so these cost little.
CREATE INDEX sla_breaches_by_due ON sla_breaches (due_at);
CREATE INDEX gestures_issued_by_time ON gestures (created_at) WHERE status = 'issued';

-- Erased customers, left out of every report: a handful of rows, so this partial index costs nothing on insert.
CREATE INDEX customers_erased ON customers (erased_at) WHERE erased_at IS NOT NULL;
