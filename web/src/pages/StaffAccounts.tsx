// Settings → Staff: who can sign in to Rapport, with which role, how each takes cases, and adding someone new.
import { Fragment, useState } from 'react';
import { api } from '../api.ts';
import { humanize } from '../labels.ts';
import { settingsApi } from '../settings/api.ts';
import type { TeamSettings } from '../settings/types.ts';
import { formatDate } from '../time.ts';
import type { StaffMember } from '../types.ts';
import { useLoaded } from '../useLoaded.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { StaffEditForm } from '../components/StaffEditForm.tsx';
import { StaffForm } from '../components/StaffForm.tsx';

export function StaffAccounts() {
  const [staff, reloadStaff] = useLoaded(api.staff);
  const [teams] = useLoaded(settingsApi.teams);
  const [added, setAdded] = useState<StaffMember | null>(null);
  const [changed, setChanged] = useState<StaffMember | null>(null);

  return (
    <section className="page settings-page wide">
      <h1>Staff</h1>
      <p className="lead muted">Everyone who can sign in. Their role decides what they may see and change; their team and skills, which cases they get.</p>
      {added && (
        <p className="note" role="status">
          {added.name} ({added.email}) can now sign in as {humanize(added.role).toLowerCase()}.
        </p>
      )}
      {changed && (
        <p className="note" role="status">
          {changed.name} saved.
        </p>
      )}
      <StaffForm
        onCreated={(member) => {
          setAdded(member);
          reloadStaff();
        }}
      />
      <h2 className="list-heading">Staff members</h2>
      {teams.state === 'failed' && <ErrorAlert error={teams.error} />}
      {staff.state === 'loading' && <Loading label="Loading staff…" />}
      {staff.state === 'failed' && <ErrorAlert error={staff.error} />}
      {staff.state === 'ready' && (
        <StaffTable
          members={staff.value.items}
          teams={teams.state === 'ready' ? teams.value.items : []}
          onChanged={(member) => {
            setAdded(null);
            setChanged(member);
            reloadStaff();
          }}
        />
      )}
    </section>
  );
}

interface StaffTableProps {
  members: StaffMember[];
  teams: TeamSettings[];
  onChanged: (member: StaffMember) => void;
}

const COLUMNS = 10;

function StaffTable({ members, teams, onChanged }: StaffTableProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const teamName = (id: string | null) => teams.find((team) => team.id === id)?.name;
  return (
    <table className="data-table staff-table" aria-label="Staff members">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Department</th>
          <th scope="col">Team</th>
          <th scope="col">Skills</th>
          <th scope="col">Gesture limit</th>
          <th scope="col">New cases</th>
          <th scope="col">Added</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <Fragment key={member.id}>
            <tr data-testid="staff-member">
              <td>{member.name}</td>
              <td>{member.email}</td>
              <td>
                <span className={`role role-${member.role}`}>{humanize(member.role)}</span>
              </td>
              <td>{member.department ? humanize(member.department) : <span className="muted">—</span>}</td>
              <td>{teamName(member.teamId) ?? <span className="muted">—</span>}</td>
              <td>{member.skills.length ? <span className="tag-list">{member.skills.map((skill) => <span key={skill} className="tag">{skill}</span>)}</span> : <span className="muted">—</span>}</td>
              <td className="tabular">
                {member.empowermentLimit.amount} {member.empowermentLimit.currency}
              </td>
              <td>{member.available ? <span className="status status-on">Takes</span> : <span className="status status-off">Away</span>}</td>
              <td className="added">{formatDate(member.createdAt)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="small"
                  aria-label={`Change how ${member.name} takes cases`}
                  aria-expanded={editing === member.id}
                  onClick={() => setEditing(editing === member.id ? null : member.id)}
                >
                  Edit
                </button>
              </td>
            </tr>
            {editing === member.id && (
              <tr className="edit-row">
                <td colSpan={COLUMNS}>
                  <StaffEditForm
                    member={member}
                    teams={teams}
                    onSaved={(updated) => {
                      setEditing(null);
                      onChanged(updated);
                    }}
                    onCancel={() => setEditing(null)}
                  />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
