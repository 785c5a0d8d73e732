// The managers' CX dashboard, their home page: the headline numbers of a period against the one before (each a
// link to the cases behind it), one metric over time, and a breakdown by channel, team, agent, reason, priority
// or segment. Counted in the metrics time zone; the choices are in the address, so a view is a link to share.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { placeProblem } from '../forms/problem.ts';
import { todayIn } from '../insights/trend-choices.ts';
import { queryKeys } from '../queries.ts';
import { navigate, useLocation } from '../router.ts';
import {
  choicesFrom,
  type DashboardChoices,
  dashboardPath,
  type DayRange,
  rangeOf,
} from '../dashboard/dashboard-choices.ts';
import { type MetricsAsk, metricsApi } from '../dashboard/metrics-api.ts';
import { lastDayOf } from '../dashboard/metric-rows.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { Breakdown } from '../components/dashboard/Breakdown.tsx';
import { KpiTiles, TILE_METRICS } from '../components/dashboard/KpiTiles.tsx';
import { MetricsTimeZone } from '../components/dashboard/MetricsTimeZone.tsx';
import { OverTime } from '../components/dashboard/OverTime.tsx';
import { PeriodPicker } from '../components/dashboard/PeriodPicker.tsx';
import '../dashboard.css';

const STILL_COUNTING_REFRESH_MS = 5000;

export function Dashboard() {
  const { search } = useLocation();
  const choices = choicesFrom(search);
  const settings = useQuery({
    queryKey: queryKeys.metricSettings(),
    queryFn: ({ signal }) => metricsApi.settings(signal),
  });
  return (
    <section className="page dashboard-page">
      <h1>Dashboard</h1>
      <p className="lead muted">
        How customers are served: response and resolution times, first-contact resolution, repeat contacts, SLA
        attainment, what customers say and what was given back. Open any number for the cases behind it.
      </p>
      {settings.isPending && <Loading label="Loading the dashboard…" />}
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.data && <DashboardView choices={choices} timeZone={settings.data.timeZone} />}
    </section>
  );
}

function DashboardView({ choices, timeZone }: { choices: DashboardChoices; timeZone: string }) {
  // Presets end today in the zone the metrics count in, not the browser's.
  const range: DayRange = rangeOf(choices, todayIn(timeZone));
  const ask: MetricsAsk = {
    names: TILE_METRICS,
    from: range.from,
    to: range.to,
    compare: choices.compare,
    hours: choices.hours,
  };
  const tiles = useQuery({
    queryKey: queryKeys.metricsOf(ask),
    queryFn: ({ signal }) => metricsApi.metrics(ask, signal),
    placeholderData: keepPreviousData,
    // While a rebuild is counted in the background, the numbers fill in as it goes.
    refetchInterval: (query) => (query.state.data?.stillToCount !== undefined ? STILL_COUNTING_REFRESH_MS : false),
  });
  const stillToCount = tiles.data?.stillToCount;
  const problem = tiles.isError ? placeProblem(tiles.error, { fields: ['from', 'to'] }) : null;
  const apply = (next: DashboardChoices) => navigate(dashboardPath(next));
  return (
    <>
      <MetricsTimeZone timeZone={timeZone} />
      <PeriodPicker
        applied={choices}
        shownDays={{ from: range.from, to: lastDayOf(range) }}
        byField={problem?.byField ?? {}}
        onApply={apply}
      />
      {stillToCount !== undefined && (
        <p className="note" role="status" data-testid="still-counting">
          Still counting what was here before (an upgrade, or a new time zone):{' '}
          {new Intl.NumberFormat('en').format(stillToCount)} cases, answers and gestures to go. The numbers below are
          incomplete until then and fill in as they are counted.
        </p>
      )}
      {tiles.isPending && <Loading label="Counting…" />}
      {problem !== null && problem.general !== null && <ErrorAlert error={problem.general} />}
      {tiles.data && !tiles.isError && (
        <div className="dashboard-view" aria-busy={tiles.isPlaceholderData}>
          <KpiTiles answer={tiles.data} timeZone={timeZone} hours={choices.hours} />
          <OverTime choices={choices} range={range} timeZone={timeZone} onApply={apply} />
          <Breakdown choices={choices} range={range} timeZone={timeZone} onApply={apply} />
        </div>
      )}
    </>
  );
}
