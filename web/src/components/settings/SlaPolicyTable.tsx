// The SLA policies there are, with their targets per priority and the teams that promise them.
import { humanize } from '../../labels.ts';
import { PRIORITIES_BY_URGENCY, describeTargets } from '../../settings/sla-targets.ts';
import type { SlaPolicy, TeamSettings } from '../../settings/types.ts';

interface SlaPolicyTableProps {
  policies: SlaPolicy[];
  teams: TeamSettings[];
  onEdit: (policy: SlaPolicy) => void;
}

export function SlaPolicyTable({ policies, teams, onEdit }: SlaPolicyTableProps) {
  if (policies.length === 0) return <p className="empty-state">No SLA policies yet: cases have no response or resolution clocks.</p>;
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
                <button type="button" className="small" aria-label={`Edit ${policy.name}`} onClick={() => onEdit(policy)}>
                  Edit
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
