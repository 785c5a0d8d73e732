// The teams there are: when each works, which SLA it promises, and who is in it with how many open cases.
// An active team can be archived (after a confirming click); an archived one, when listed, can be restored.
import { describeWeek, formatHoliday } from '../../settings/business-hours.ts';
import type { SlaPolicy, TeamSettings } from '../../settings/types.ts';
import { ArchiveActions } from './ArchiveActions.tsx';

interface TeamTableProps {
  teams: TeamSettings[];
  /** Archived ones too, so a team still on one shows its name. */
  policies: SlaPolicy[];
  onEdit: (team: TeamSettings) => void;
  /** These report their own failures; the table only waits for them. */
  onArchive: (team: TeamSettings) => Promise<void>;
  onRestore: (team: TeamSettings) => Promise<void>;
}

export function TeamTable({ teams, policies, onEdit, onArchive, onRestore }: TeamTableProps) {
  if (teams.length === 0) return <p className="empty-state">No teams yet. Create one so cases have somewhere to go.</p>;
  const policyName = (id: string | null) => {
    const policy = policies.find((candidate) => candidate.id === id);
    return policy && (policy.archivedAt ? `${policy.name} (archived)` : policy.name);
  };
  const defaultTeam = teams.find((team) => team.isDefault);
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
                {team.archivedAt && <span className="status status-off badge-gap">Archived</span>}
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
                      <li
                        key={member.id}
                        className={member.available ? undefined : 'muted'}
                        title={member.available ? undefined : 'Not taking new cases'}
                      >
                        {member.name} ({member.load})
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">No members</span>
                )}
              </td>
              <td className="row-actions">
                <ArchiveActions
                  name={team.name}
                  archived={team.archivedAt !== null}
                  canArchive={!team.isDefault}
                  question={archiveQuestion(team, defaultTeam)}
                  onEdit={() => onEdit(team)}
                  onArchive={() => onArchive(team)}
                  onRestore={() => onRestore(team)}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What archiving will do, asked before doing it: members moving is the part that restoring does not undo. */
function archiveQuestion(team: TeamSettings, defaultTeam: TeamSettings | undefined): string {
  const members = team.members?.length ?? 0;
  if (members === 0) return `Archive ${team.name}? It stops taking cases.`;
  const who = members === 1 ? 'Its member moves' : `Its ${members} members move`;
  return `Archive ${team.name}? ${who} to ${defaultTeam?.name ?? 'the default team'}.`;
}
