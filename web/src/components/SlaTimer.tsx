// The live SLA clock of a case: counts down to the next due time each second, turns red once it has
// run out, and carries a breach marker when any clock was missed.
import { metricName, slaCountdown } from '../cases.ts';
import { absoluteTime } from '../time.ts';
import type { CaseSummary } from '../api/types.ts';

/** `now` comes from the parent's one ticker (useNow), so a table of timers re-renders together. */
export function SlaTimer({ sla, now }: { sla: CaseSummary['sla']; now: number }) {
  const countdown = slaCountdown(sla.nextDueAt, now);
  const breached = sla.breaches.length > 0;
  return (
    <span className={`sla-timer sla-${countdown.state}`} data-testid="sla-timer" data-state={countdown.state}>
      {countdown.state === 'none' ? (
        sla.resolutionPausedAt ? (
          <span
            className="muted"
            data-testid="sla-paused"
            title={`Pending since ${absoluteTime(sla.resolutionPausedAt)}: the resolution clock waits for the customer`}
          >
            paused
          </span>
        ) : (
          <span className="muted" title="No SLA clock is running">
            —
          </span>
        )
      ) : (
        <time dateTime={sla.nextDueAt ?? undefined} title={`Due ${absoluteTime(sla.nextDueAt ?? '')}`}>
          {countdown.text}
        </time>
      )}
      {breached && (
        <span
          className="breach-marker"
          data-testid="breach-marker"
          title={sla.breaches
            .map((breach) => `${metricName(breach.metric)} was due ${absoluteTime(breach.dueAt)}`)
            .join('\n')}
        >
          Breached
        </span>
      )}
    </span>
  );
}
