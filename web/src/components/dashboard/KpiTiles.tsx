// The dashboard's headline numbers, a tile each: the value over the period, what it is counted from, the previous
// period's value and the change (better or worse), and the whole tile a link to the cases behind it.
import { Fragment } from 'react';
import { type DayRange, drillPath } from '../../dashboard/dashboard-choices.ts';
import { countedFrom, directionWord, formatMetric, METRIC_INFO, metricChange } from '../../dashboard/metric-format.ts';
import type { Hours, MetricName, Metrics } from '../../dashboard/metrics-api.ts';
import { dayLabel, lastDayOf, rangeLabel } from '../../dashboard/metric-rows.ts';
import { followLink } from '../../router.ts';

const TILES: ReadonlyArray<{ name: MetricName; p90?: MetricName; label?: string }> = [
  { name: 'cases' },
  { name: 'ttfr', p90: 'ttfr_p90' },
  { name: 'ttr', p90: 'ttr_p90' },
  { name: 'fcr' },
  { name: 'repeat_rate' },
  { name: 'reopen_rate' },
  { name: 'sla_attainment' },
  { name: 'backlog' },
  { name: 'csat' },
  { name: 'nps' },
  { name: 'ces' },
  { name: 'gesture_spend' },
  { name: 'negative_share' },
];

/** Every metric the tiles read, in one question to the API. */
export const TILE_METRICS: MetricName[] = TILES.flatMap((tile) => (tile.p90 ? [tile.name, tile.p90] : [tile.name]));

/** The arrow says which way the number went; the colour and the word whether that is good. */
const ARROWS = { rising: '▲', falling: '▼', flat: '=' } as const;

interface KpiTilesProps {
  answer: Metrics;
  timeZone: string;
  hours: Hours;
}

/** Times counted in business hours say so on their tile. */
const BUSINESS_TIMES: ReadonlySet<MetricName> = new Set(['ttfr', 'ttr']);

export function KpiTiles({ answer, timeZone, hours }: KpiTilesProps) {
  // The answer's own days, so that links lead to what the tiles show even while the next period loads.
  const range: DayRange = { from: answer.from, to: answer.to };
  const previous = answer.previous;
  return (
    <section aria-labelledby="kpi-heading" className="dashboard-section">
      <h2 id="kpi-heading" className="visually-hidden">
        Key numbers
      </h2>
      {previous && (
        <p className="muted kpi-compared">
          {rangeLabel(range)} against {rangeLabel(previous)}
        </p>
      )}
      <ul className="kpi-tiles">
        {TILES.map(({ name, p90 }) => {
          const value = answer.total.values[name];
          const before = previous?.total.values[name];
          const change = previous ? metricChange(name, value, before) : null;
          const href = drillPath(name, range, { timeZone, hours });
          return (
            <li key={name} className="kpi" data-testid={`kpi-${name}`}>
              <a href={href} onClick={(event) => followLink(event, href)}>
                <span className="kpi-label">
                  {METRIC_INFO[name].label}
                  {hours === 'business' && BUSINESS_TIMES.has(name) && (
                    <span className="kpi-hours"> (business hours)</span>
                  )}
                </span>
                <span className="kpi-value" data-testid="kpi-value" data-value={JSON.stringify(value ?? null)}>
                  {formatMetric(name, value)}
                </span>
                {p90 && (
                  <span className="kpi-p90" data-testid="kpi-p90">
                    <abbr title="90th percentile">p90</abbr> {formatMetric(p90, answer.total.values[p90])}
                  </span>
                )}
                <span className="kpi-count" data-testid="kpi-count">
                  {countLine(name, answer, range)}
                </span>
                {previous && (
                  <span className="kpi-previous" data-testid="kpi-previous">
                    Previous: {formatMetric(name, before)}
                    {change && (
                      <Fragment>
                        {' · '}
                        <span className={`kpi-change ${change.direction ?? ''}`} data-testid="kpi-change">
                          {change.trend && <span aria-hidden="true">{ARROWS[change.trend]} </span>}
                          {change.text}
                          {change.direction && change.direction !== 'same' ? ` ${directionWord(change.direction)}` : ''}
                        </span>
                      </Fragment>
                    )}
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What the number is counted from; the backlog and the count of cases are their own count. */
function countLine(name: MetricName, answer: Metrics, range: DayRange): string {
  if (name === 'cases') return 'opened in the period';
  if (name === 'backlog') return `open at the end of ${dayLabel(lastDayOf(range))}`;
  return countedFrom(name, answer.total.counts[name]);
}
