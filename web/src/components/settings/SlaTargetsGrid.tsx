// SLA targets as a grid: a row per priority, a column per clock, each cell hours and minutes.
import { humanize } from '../../labels.ts';
import type { HoursAndMinutes } from '../../settings/durations.ts';
import { METRIC_NAMES, PRIORITIES_BY_URGENCY, targetField, type TargetsDraft } from '../../settings/sla-targets.ts';
import { SLA_METRICS, type SlaMetric } from '../../settings/types.ts';
import type { CasePriority } from '../../api/types.ts';

interface SlaTargetsGridProps {
  targets: TargetsDraft;
  onChange: (targets: TargetsDraft) => void;
  /** The message for one API field (`targets.urgent.firstResponse`), if any. */
  errorOf: (field: string) => string | undefined;
}

export function SlaTargetsGrid({ targets, onChange, errorOf }: SlaTargetsGridProps) {
  const setCell = (priority: CasePriority, metric: SlaMetric, value: HoursAndMinutes) =>
    onChange({ ...targets, [priority]: { ...targets[priority], [metric]: value } });
  return (
    <fieldset className="sla-targets">
      <legend>Targets</legend>
      <p className="field-hint">
        Leave both boxes empty for no clock. Next response is the time to answer each later message from the customer.
      </p>
      <table className="sla-grid">
        <thead>
          <tr>
            <th scope="col">Priority</th>
            {SLA_METRICS.map((metric) => (
              <th scope="col" key={metric}>
                {METRIC_NAMES[metric]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PRIORITIES_BY_URGENCY.map((priority) => (
            <tr key={priority}>
              <th scope="row">
                <span className={`priority priority-${priority}`}>{humanize(priority)}</span>
              </th>
              {SLA_METRICS.map((metric) => (
                <td key={metric}>
                  <TargetCell
                    id={`sla-${priority}-${metric}`}
                    label={`${humanize(priority)} ${METRIC_NAMES[metric].toLowerCase()}`}
                    value={targets[priority][metric]}
                    error={errorOf(targetField(priority, metric))}
                    onChange={(value) => setCell(priority, metric, value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

interface TargetCellProps {
  id: string;
  label: string;
  value: HoursAndMinutes;
  error?: string;
  onChange: (value: HoursAndMinutes) => void;
}

function TargetCell({ id, label, value, error, onChange }: TargetCellProps) {
  const described = { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  return (
    <div className={error ? 'target-cell invalid' : 'target-cell'}>
      <span className="duration">
        <input
          {...described}
          type="number"
          min={0}
          step={1}
          aria-label={`${label} hours`}
          value={value.hours}
          onChange={(event) => onChange({ ...value, hours: event.target.value })}
        />
        <span aria-hidden="true">h</span>
        <input
          {...described}
          type="number"
          min={0}
          max={59}
          step={1}
          aria-label={`${label} minutes`}
          value={value.minutes}
          onChange={(event) => onChange({ ...value, minutes: event.target.value })}
        />
        <span aria-hidden="true">m</span>
      </span>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
