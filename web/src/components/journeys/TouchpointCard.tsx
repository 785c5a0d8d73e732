// One touchpoint on the journey map: how many episodes reached it, how many ended there, how long customers waited
// to get there, and each target intended beside actual, met or missed said in words (not only by colour).
import { formatHours, formatMetric, formatNumber, formatPercent, targetText } from '../../journeys/metrics.ts';
import type { TargetResult, TouchpointReport } from '../../journeys/types.ts';

/** What became of a target, in words: "Met", "Missed by 23.33%", "Not measured". */
export function verdictOf(result: TargetResult): string {
  if (result.met === null || result.gap === null) return 'Not measured';
  return result.met ? 'Met' : `Missed by ${formatMetric(result.metric, result.gap)}`;
}

export function TouchpointCard({ touchpoint }: { touchpoint: TouchpointReport }) {
  const headingId = `touchpoint-${touchpoint.touchpointId}`;
  return (
    <article className="touchpoint-card" aria-labelledby={headingId} data-testid="touchpoint-card">
      <h4 id={headingId}>{touchpoint.name}</h4>
      <dl className="touchpoint-facts">
        <div>
          <dt>Episodes</dt>
          <dd>{formatNumber(touchpoint.episodes)}</dd>
        </div>
        <div>
          <dt>Drop-off</dt>
          <dd>{formatPercent(touchpoint.dropOff)}</dd>
        </div>
        <div>
          <dt>Median wait</dt>
          <dd>{formatHours(touchpoint.medianWait)}</dd>
        </div>
      </dl>
      {touchpoint.targets.length > 0 ? (
        <table className="touchpoint-targets">
          <caption className="visually-hidden">Targets at {touchpoint.name}</caption>
          <thead>
            <tr>
              <th scope="col">Intended</th>
              <th scope="col">Actual</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {touchpoint.targets.map((result) => (
              <tr key={result.metric} className={result.met === false ? 'missed' : result.met ? 'met' : undefined}>
                <th scope="row">{targetText({ ...result, value: result.intended })}</th>
                <td>{formatMetric(result.metric, result.actual)}</td>
                <td>
                  <span className="verdict">
                    <span aria-hidden="true">{result.met === false ? '✗ ' : result.met ? '✓ ' : ''}</span>
                    {verdictOf(result)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted touchpoint-no-targets">No targets</p>
      )}
    </article>
  );
}
