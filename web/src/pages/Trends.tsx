// Insights → Trends: what customers write about and how they feel, per day or week, against the period just before;
// the biggest movers with their messages. The choices are in the address, so a view can be shared as a link.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { Trends as TrendsAnswer } from '../api/types.ts';
import { placeProblem } from '../forms/problem.ts';
import { queryKeys } from '../queries.ts';
import { navigate, useLocation } from '../router.ts';
import { browserZone, choicesFrom, todayIn, trendsPagePath, trendsQueryOf } from '../insights/trend-choices.ts';
import {
  dayOf,
  formatChange,
  formatChangePercent,
  formatCount,
  lastDayOf,
  periodLabel,
} from '../insights/trend-format.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { TrendFilters } from '../components/TrendFilters.tsx';
import { TrendMovers } from '../components/TrendMovers.tsx';
import '../trends.css';

export function Trends() {
  const { search } = useLocation();
  const zone = browserZone();
  const choices = choicesFrom(search, zone);
  const query = trendsQueryOf(choices, todayIn(choices.timeZone));
  const trends = useQuery({
    queryKey: queryKeys.trends(query),
    queryFn: ({ signal }) => api.trends(query, signal),
    placeholderData: keepPreviousData,
  });
  const problem = trends.isError ? placeProblem(trends.error, { fields: ['from', 'to'] }) : null;
  const shown = trends.data;

  return (
    <section className="page trends-page">
      <h1>Trends</h1>
      <p className="lead muted">
        What customers write about and how they feel, read in the messages, posts and forms they send (replies and
        internal notes are not counted), against the period of the same length just before. Days are counted in{' '}
        {choices.timeZone}.
      </p>
      <TrendFilters
        applied={choices}
        shownDays={shown ? { from: dayOf(shown.from), to: lastDayOf(shown.to) } : null}
        byField={problem?.byField ?? {}}
        onApply={(next) => navigate(trendsPagePath(next, zone))}
      />
      {trends.isPending && <Loading label="Counting what customers wrote…" />}
      {problem !== null && problem.general !== null && <ErrorAlert error={problem.general} />}
      {shown && !trends.isError && <TrendsView trends={shown} updating={trends.isPlaceholderData} />}
    </section>
  );
}

function TrendsView({ trends, updating }: { trends: TrendsAnswer; updating: boolean }) {
  const what = trends.by === 'reason' ? 'Contact reasons' : 'Sentiment';
  const per = trends.interval === 'day' ? 'day' : 'week';
  return (
    <div className="trends-view" aria-busy={updating}>
      <Totals trends={trends} />
      <section className="panel trend-section" aria-labelledby="trend-chart-heading">
        <h2 id="trend-chart-heading">
          {what} per {per}
        </h2>
        {trends.total === 0 ? (
          <p className="empty-state">
            Nothing customers wrote was read between {periodLabel(trends.from, trends.to)}
            {trends.channel ? ' on this channel' : ''}. Choose a longer period or another channel.
          </p>
        ) : (
          <TrendChart trends={trends} />
        )}
      </section>
      {trends.keys.length > 0 && (
        <section className="trend-section" aria-labelledby="movers-heading">
          <h2 id="movers-heading">Biggest movers</h2>
          <p className="muted movers-lead">
            Largest change first, up or down. Open a row for its channels and example messages.
          </p>
          <TrendMovers trends={trends} />
        </section>
      )}
    </div>
  );
}

function Totals({ trends }: { trends: TrendsAnswer }) {
  const change = trends.total - trends.previousTotal;
  const changePercent = trends.previousTotal === 0 ? null : Math.round((change / trends.previousTotal) * 1000) / 10;
  return (
    <dl className="trend-totals">
      <div>
        <dt>Messages read</dt>
        <dd data-testid="trend-total">{formatCount(trends.total)}</dd>
      </div>
      <div>
        <dt>Previous period</dt>
        <dd>{formatCount(trends.previousTotal)}</dd>
      </div>
      <div>
        <dt>Change</dt>
        <dd>
          {formatChange(change)} <span className="muted">({formatChangePercent(changePercent)})</span>
        </dd>
      </div>
      <div>
        <dt>Period</dt>
        <dd className="trend-period">
          {periodLabel(trends.from, trends.to)}
          <span className="muted"> vs {periodLabel(trends.previousFrom, trends.previousTo)}</span>
        </dd>
      </div>
    </dl>
  );
}
