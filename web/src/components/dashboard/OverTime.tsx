// One metric over the period, per day, week or month: a line chart, and the same figures as a table (each a link
// to the cases behind it) with its CSV download.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { humanize } from '../../labels.ts';
import { queryKeys } from '../../queries.ts';
import { followLink } from '../../router.ts';
import {
  CHART_METRICS,
  type ChartMetric,
  type DashboardChoices,
  type DayRange,
  drillPath,
  type PerChoice,
  periodOf,
  rangeOfPeriodRow,
} from '../../dashboard/dashboard-choices.ts';
import { countedFrom, formatMetric, METRIC_INFO } from '../../dashboard/metric-format.ts';
import { type MetricsAsk, metricsApi, type Period } from '../../dashboard/metrics-api.ts';

const PERIODS: readonly Period[] = ['day', 'week', 'month'];
import { pointsOverTime, rangeLabel } from '../../dashboard/metric-rows.ts';
import { ErrorAlert, Loading } from '../ErrorAlert.tsx';
import { SegmentedChoice } from '../SegmentedChoice.tsx';
import { OverTimeChart } from './MetricCharts.tsx';

interface OverTimeProps {
  choices: DashboardChoices;
  range: DayRange;
  timeZone: string;
  onApply: (choices: DashboardChoices) => void;
}

const PER_OPTIONS: ReadonlyArray<{ value: PerChoice; label: string }> = [
  { value: 'auto', label: 'Auto' },
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
];

export function OverTime({ choices, range, timeZone, onApply }: OverTimeProps) {
  const period = periodOf(choices.per, range);
  const name = choices.chart;
  const ask: MetricsAsk = { names: [name], from: range.from, to: range.to, by: period, hours: choices.hours };
  const answer = useQuery({
    queryKey: queryKeys.metricsOf(ask),
    queryFn: ({ signal }) => metricsApi.metrics(ask, signal),
    placeholderData: keepPreviousData,
  });
  // While the next choice loads, the figures shown are the last answer's: named by its own metric and period.
  const shown = answer.data;
  const shownName = (shown?.names[0] ?? name) as ChartMetric;
  const shownPeriod = (shown?.by.find((by): by is Period => PERIODS.includes(by as Period)) ?? period) as Period;
  const shownRange = shown ? { from: shown.from, to: shown.to } : range;
  const points = shown ? pointsOverTime(shown, shownName, shownPeriod) : [];
  const title = `${METRIC_INFO[shownName].label} per ${shownPeriod}, ${rangeLabel(shownRange)}`;

  return (
    <section className="panel dashboard-section" aria-labelledby="over-time-heading">
      <div className="section-head">
        <h2 id="over-time-heading">Over time</h2>
        <div className="section-choices">
          <div className="field">
            <label htmlFor="chart-metric">Metric</label>
            <select
              id="chart-metric"
              value={name}
              onChange={(event) => onApply({ ...choices, chart: event.target.value as ChartMetric })}
            >
              {CHART_METRICS.map((metric) => (
                <option key={metric} value={metric}>
                  {METRIC_INFO[metric].label}
                </option>
              ))}
            </select>
          </div>
          <SegmentedChoice
            legend="Per"
            name="chart-per"
            options={PER_OPTIONS}
            chosen={choices.per}
            onChoose={(per) => onApply({ ...choices, per })}
          />
        </div>
      </div>
      {answer.isPending && <Loading label="Counting…" />}
      {answer.isError && <ErrorAlert error={answer.error} />}
      {answer.data && (
        <figure className="dashboard-figure" aria-busy={answer.isPlaceholderData}>
          <figcaption className="visually-hidden">{title}</figcaption>
          {points.every((point) => point.value === null) ? (
            <p className="empty-state">
              No {METRIC_INFO[shownName].label.toLowerCase()} to show between {rangeLabel(shownRange)}.
            </p>
          ) : (
            <OverTimeChart name={shownName} points={points} label={`${title}. The figures are in the table below.`} />
          )}
          <details className="chart-figures">
            <summary>Show as table</summary>
            <div className="table-scroll">
              <table className="data-table" data-testid="over-time-table">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{humanize(shownPeriod)}</th>
                    <th scope="col" className="number">
                      {METRIC_INFO[shownName].label}
                    </th>
                    <th scope="col">Counted from</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.data.rows.map((row, index) => {
                    const point = points[index];
                    if (!point) return null;
                    const href = drillPath(shownName, rangeOfPeriodRow(point.period, shownPeriod, shownRange), {
                      timeZone,
                      hours: choices.hours,
                    });
                    return (
                      <tr key={point.period}>
                        <th scope="row">{point.label}</th>
                        <td className="number">
                          <a href={href} onClick={(event) => followLink(event, href)}>
                            {formatMetric(shownName, row.values[shownName])}
                          </a>
                        </td>
                        <td className="muted">{countedFrom(shownName, row.counts[shownName])}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <a className="csv-link" href={metricsApi.metricsCsvUrl(ask)} download>
              Download CSV
            </a>
          </details>
        </figure>
      )}
    </section>
  );
}
