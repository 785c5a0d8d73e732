// "Gaps, worst first": every target customers' experience missed, the furthest from intended (relative to it) first.
import { formatMetric, formatNumber, targetText } from '../../journeys/metrics.ts';
import type { JourneyGap } from '../../journeys/types.ts';

/** How far off, relative to what was intended: `+44.44%`; a miss of a 0 target has no relative size. */
function relative(gap: JourneyGap): string {
  return gap.relativeGap === null ? 'of a 0 target' : `${formatNumber(gap.relativeGap * 100)}%`;
}

export function JourneyGaps({ gaps }: { gaps: readonly JourneyGap[] }) {
  if (gaps.length === 0) {
    return <p className="empty-state">Every target measured in this period was met.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="data-table journey-gaps" data-testid="journey-gaps">
        <caption className="visually-hidden">Gaps, worst first</caption>
        <thead>
          <tr>
            <th scope="col">Touchpoint</th>
            <th scope="col">Stage</th>
            <th scope="col">Intended</th>
            <th scope="col">Actual</th>
            <th scope="col">Worse by</th>
            <th scope="col" className="number">
              Relative to intended
            </th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((gap) => (
            <tr key={`${gap.touchpointId}-${gap.metric}`}>
              <th scope="row">{gap.touchpoint}</th>
              <td>{gap.stage}</td>
              <td>{targetText({ ...gap, value: gap.intended })}</td>
              <td>{formatMetric(gap.metric, gap.actual)}</td>
              <td>{formatMetric(gap.metric, gap.gap)}</td>
              <td className="number">{relative(gap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
