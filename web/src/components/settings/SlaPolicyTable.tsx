// The SLA policies there are, with their targets per priority and the teams that promise them.
// An active policy can be archived (after a confirming click); an archived one, when listed, can be restored.
import { humanize } from '../../labels.ts';
import { PRIORITIES_BY_URGENCY, describeTargets } from '../../settings/sla-targets.ts';
import type { SlaPolicy, TeamSettings } from '../../settings/types.ts';
import { ArchiveActions } from './ArchiveActions.tsx';

interface SlaPolicyTableProps {
  policies: SlaPolicy[];
  /** The active teams: the ones that stop a policy being archived. */
  teams: TeamSettings[];
  onEdit: (policy: SlaPolicy) => void;
  /** These report their own failures; the table only waits for them. */
  onArchive: (policy: SlaPolicy) => Promise<void>;
  onRestore: (policy: SlaPolicy) => Promise<void>;
}

export function SlaPolicyTable({ policies, teams, onEdit, onArchive, onRestore }: SlaPolicyTableProps) {
  if (policies.length === 0)
    return <p className="empty-state">No SLA policies yet: cases have no response or resolution clocks.</p>;
  return (
    <table className="data-table settings-table" aria-label="SLA policies">
      <thead>
        <tr>
          <th scope="col">Policy</th>
          {PRIORITIES_BY_URGENCY.map((priority) => (
            <th scope="col" key={priority} title="First response / next response / resolution">
              {humanize(priority)}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {policies.map((policy) => {
          const usedBy = teams.filter((team) => team.slaPolicyId === policy.id).map((team) => team.name);
          return (
            <tr key={policy.id} data-testid="sla-policy-row">
              <td>
                <strong>{policy.name}</strong>
                {policy.archivedAt && <span className="status status-off badge-gap">Archived</span>}
                <div className="muted small-text">
                  {policy.businessHoursOnly ? 'Business hours' : 'Around the clock'}
                  {' · '}
                  {usedBy.length ? `used by ${usedBy.join(', ')}` : 'no team uses it'}
                </div>
              </td>
              {PRIORITIES_BY_URGENCY.map((priority) => (
                <td key={priority} className="tabular">
                  {describeTargets(policy.targets, priority)}
                </td>
              ))}
              <td className="row-actions">
                <ArchiveActions
                  name={policy.name}
                  archived={policy.archivedAt !== null}
                  canArchive
                  question={`Archive ${policy.name}? Teams can no longer pick it; cases already on it keep their clocks.`}
                  onEdit={() => onEdit(policy)}
                  onArchive={() => onArchive(policy)}
                  onRestore={() => onRestore(policy)}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
