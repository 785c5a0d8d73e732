-- Why customers come, stay and leave (issue 15): the churn, acquisition and retention reports read customers' own
-- activity (what she did: inbound, and not a system's record of her, as the context card counts it) over a period,
-- to find the silences longer than the churn setting's days and the months each was active.
--
-- A partial index of that activity by time, with the profile and the event name so that the reports read nothing
-- else (the churn event is found in it too). By time, not by customer: live events arrive in time order, so each
-- is added at the index's right edge: 0.02 pages per ingested event (bench/wal-pages.ts, of 2.98 in all), where one by
-- customer and time cost 0.40 (it touched a random leaf per event, like the timeline index). Grouping a period's
-- rows by customer then takes a sort: 0.27 s of CPU for four months of 100,000 customers' activity (0.16 s by
-- customer), 1.2 s for two years (0.4 s). Without it, a report read and sorted every interaction of the period
-- through interactions_recent, 5 to 10 times slower. Staff notes, replies and identify calls are not in it.
CREATE INDEX interactions_own_activity ON interactions (occurred_at, profile_id, event)
  WHERE direction = 'inbound' AND channel <> 'system';

-- The experiences that preceded churn, read by time for the period: SLA clocks that ran out (by when they ran out)
-- and gestures issued. Both tables are written a few times per case, so these cost little.
CREATE INDEX sla_breaches_by_due ON sla_breaches (due_at);
CREATE INDEX gestures_issued_by_time ON gestures (created_at) WHERE status = 'issued';

-- Erased customers, left out of every report: a handful of rows, so this partial index costs nothing on insert.
CREATE INDEX customers_erased ON customers (erased_at) WHERE erased_at IS NOT NULL;
