// The metrics per value of one dimension (channel, team, agent, reason, priority, segment): bars of one metric,
// and a table of the main ones, sortable by any column, every number a link to the cases behind it, with the
// whole as its last row and a CSV download of the same rows from the server.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../../queries.ts';
import { followLink } from '../../router.ts';
import {
  CHART_METRICS,
  type ChartMetric,
  type DashboardChoices,
  type DayRange,
  drillPath,
} from '../../dashboard/dashboard-choices.ts';
import { formatMetric, METRIC_INFO } from '../../dashboard/metric-format.ts';
import {
  DIMENSIONS,
  type Dimension,
  type MetricName,
  type MetricsAsk,
  type MetricsRow,
  metricsApi,
} from '../../dashboard/metrics-api.ts';
import {
  BREAKDOWN_METRICS,
  breakdownRows,
  DEFAULT_SORT,
  DIMENSION_LABELS,
  nextSort,
  type RowSort,
  rangeLabel,
} from '../../dashboard/metric-rows.ts';
import { ErrorAlert, Loading } from '../ErrorAlert.tsx';
import { BreakdownBars } from './MetricCharts.tsx';

interface BreakdownProps {
  choices: DashboardChoices;
  range: DayRange;
  timeZone: string;
  onApply: (choices: DashboardChoices) => void;
}

export function Breakdown({ choices, range, timeZone, onApply }: BreakdownProps) {
  const dimension = choices.by;
  const names: MetricName[] = [...new Set<MetricName>([...BREAKDOWN_METRICS, choices.bar])];
  const ask: MetricsAsk = { names, from: range.from, to: range.to, by: dimension, hours: choices.hours };
  const answer = useQuery({
    queryKey: queryKeys.metricsOf(ask),
    queryFn: ({ signal }) => metricsApi.metrics(ask, signal),
    placeholderData: keepPreviousData,
  });
  const [sort, setSort] = useState<RowSort>(DEFAULT_SORT);
  // While the next choice loads, the rows shown are the last answer's, named by its own dimension.
  const shownDimension = (answer.data?.by[0] ?? dimension) as Dimension;
  const rows = answer.data ? breakdownRows(answer.data, shownDimension, sort) : [];
  const what = DIMENSION_LABELS[dimension].toLowerCase();
  const title = `${METRIC_INFO[choices.bar].label} by ${what}, ${rangeLabel(range)}`;

  return (
    <section className="panel dashboard-section" aria-labelledby="breakdown-heading">
      <div className="section-head">
        <h2 id="breakdown-heading">Breakdown by {what}</h2>
        <div className="section-choices">
          <div className="field">
            <label htmlFor="breakdown-by">Break down by</label>
            <select
              id="breakdown-by"
              value={dimension}
              onChange={(event) => onApply({ ...choices, by: event.target.value as Dimension })}
            >
              {DIMENSIONS.map((known) => (
                <option key={known} value={known}>
                  {DIMENSION_LABELS[known]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="breakdown-bar">Bars show</label>
            <select
              id="breakdown-bar"
              value={choices.bar}
              onChange={(event) => onApply({ ...choices, bar: event.target.value as ChartMetric })}
            >
              {CHART_METRICS.map((metric) => (
                <option key={metric} value={metric}>
                  {METRIC_INFO[metric].label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      {dimension === 'segment' && (
        <p className="muted">
          A customer in two segments counts in both, so the segments can add up to more than the whole.
        </p>
      )}
      {answer.isPending && <Loading label="Counting…" />}
      {answer.isError && <ErrorAlert error={answer.error} />}
      {answer.data && (
        <div aria-busy={answer.isPlaceholderData}>
          {rows.length === 0 ? (
            <p className="empty-state">Nothing was counted between {rangeLabel(range)}.</p>
          ) : (
            <figure className="dashboard-figure">
              <figcaption className="visually-hidden">{title}</figcaption>
              <BreakdownBars
                name={choices.bar}
                bars={rows.map((row) => ({
                  key: row.key,
                  label: row.label,
                  value: numberOrNull(row.row, choices.bar),
                }))}
                label={`${title}. The figures are in the table below.`}
              />
            </figure>
          )}
          <div className="table-scroll">
            <table className="data-table breakdown-table" data-testid="breakdown-table">
              <caption className="visually-hidden">
                The main metrics by {what}, {rangeLabel(range)}
              </caption>
              <thead>
                <tr>
                  <SortHeader column="label" label={DIMENSION_LABELS[shownDimension]} sort={sort} onSort={setSort} />
                  {names.map((name) => (
                    <SortHeader key={name} column={name} label={METRIC_INFO[name].label} sort={sort} onSort={setSort} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-testid="breakdown-row">
                    <th scope="row">{row.label}</th>
                    {names.map((name) => (
                      <MetricCell
                        key={name}
                        name={name}
                        row={row.row}
                        href={drillPath(name, range, {
                          filter: { dimension: shownDimension, key: row.key },
                          timeZone,
                          hours: choices.hours,
                        })}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All</th>
                  {names.map((name) => (
                    <MetricCell
                      key={name}
                      name={name}
                      row={answer.data.total}
                      href={drillPath(name, range, { timeZone, hours: choices.hours })}
                    />
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          <a className="csv-link" href={metricsApi.metricsCsvUrl(ask)} download data-testid="breakdown-csv">
            Download CSV
          </a>
        </div>
      )}
    </section>
  );
}

function numberOrNull(row: Pick<MetricsRow, 'values'>, name: MetricName): number | null {
  const value = row.values[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function MetricCell({ name, row, href }: { name: MetricName; row: Pick<MetricsRow, 'values'>; href: string }) {
  return (
    <td className="number">
      <a href={href} onClick={(event) => followLink(event, href)}>
        {formatMetric(name, row.values[name])}
      </a>
    </td>
  );
}

interface SortHeaderProps {
  column: RowSort['column'];
  label: string;
  sort: RowSort;
  onSort: (sort: RowSort) => void;
}

function SortHeader({ column, label, sort, onSort }: SortHeaderProps) {
  const sorted = sort.column === column;
  return (
    <th
      scope="col"
      className={column === 'label' ? undefined : 'number'}
      aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, column))}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {sorted ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </span>
      </button>
    </th>
  );
}
