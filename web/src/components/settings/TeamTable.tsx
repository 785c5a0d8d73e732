// The teams there are: when each works, which SLA it promises, and who is in it with how many open cases.
import { describeWeek, formatHoliday } from '../../settings/business-hours.ts';
import type { SlaPolicy, TeamSettings } from '../../settings/types.ts';

interface TeamTableProps {
  teams: TeamSettings[];
  policies: SlaPolicy[];
  onEdit: (team: TeamSettings) => void;
}

export function TeamTable({ teams, policies, onEdit }: TeamTableProps) {
  if (teams.length === 0) return <p className="empty-state">No teams yet. Create one so cases have somewhere to go.</p>;
  const policyName = (id: string | null) => policies.find((policy) => policy.id === id)?.name;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <table className="data-table settings-table" aria-label="Teams">
      <thead>
        <tr>
          <th scope="col">Team</th>
          <th scope="col">Hours</th>
          <th scope="col">Next holiday</th>
          <th scope="col">SLA policy</th>
          <th scope="col">Members (open cases)</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {teams.map((team) => {
          const nextHoliday = team.holidays.find((date) => date >= today);
          return (
            <tr key={team.id} data-testid="team-row">
              <td>
                <strong>{team.name}</strong>
                {team.isDefault && <span className="status status-on badge-gap">Default</span>}
                <div className="muted small-text">
                  {team.department ?? 'No department'}
                  {!team.autoAssign && ' · assigns by hand'}
                </div>
              </td>
              <td>
                <div>{describeWeek(team.businessHours)}</div>
                <div className="muted small-text">
                  {team.timezone} · {team.openNow ? 'open now' : 'closed now'}
                </div>
              </td>
              <td>{nextHoliday ? formatHoliday(nextHoliday) : <span className="muted">—</span>}</td>
              <td>{policyName(team.slaPolicyId) ?? <span className="muted">None</span>}</td>
              <td>
                {team.members?.length ? (
                  <ul className="member-list">
                    {team.members.map((member) => (
                      <li key={member.id} className={member.available ? undefined : 'muted'} title={member.available ? undefined : 'Not taking new cases'}>
                        {member.name} ({member.load})
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">No members</span>
                )}
              </td>
              <td className="row-actions">
                <button type="button" className="small" aria-label={`Edit ${team.name}`} onClick={() => onEdit(team)}>
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
