// Where the journey loses customers and where it keeps them waiting: the touchpoint with the largest drop-off and
// the one with the longest median wait, said in a sentence each.
import { formatHours, formatPercent } from '../../journeys/metrics.ts';
import type { JourneyReport } from '../../journeys/types.ts';

export function JourneyBottlenecks({ bottlenecks }: { bottlenecks: JourneyReport['overall']['bottlenecks'] }) {
  const { dropOff, wait } = bottlenecks;
  return (
    <aside className="journey-bottlenecks" aria-labelledby="journey-bottlenecks-heading" data-testid="bottlenecks">
      <h2 id="journey-bottlenecks-heading">Bottlenecks</h2>
      {!dropOff && !wait && <p>No customer dropped off or waited in this period.</p>}
      <ul>
        {dropOff && (
          <li>
            <strong>Drop-off:</strong> most customers stop at <strong>{dropOff.touchpoint}</strong> ({dropOff.stage}):{' '}
            {formatPercent(dropOff.dropOff)} of the episodes that reached it ended there without completing the journey
            ({dropOff.dropped} {dropOff.dropped === 1 ? 'episode' : 'episodes'}).
          </li>
        )}
        {wait && (
          <li>
            <strong>Wait:</strong> the longest wait is before <strong>{wait.touchpoint}</strong> ({wait.stage}): a
            median of {formatHours(wait.medianWait)} since the step before.
          </li>
        )}
      </ul>
    </aside>
  );
}
