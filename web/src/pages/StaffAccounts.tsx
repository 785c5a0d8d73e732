// Settings → Staff: who can sign in to Rapport, with which role, how each takes cases, adding someone new,
// and each account's role, password, access and API tokens.
import { useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../queries.ts';
import { Fragment, useState } from 'react';
import { api } from '../api.ts';
import { humanize } from '../labels.ts';
import { settingsApi } from '../settings/api.ts';
import type { TeamSettings } from '../settings/types.ts';
import { formatDate } from '../time.ts';
import type { StaffMember } from '../api/types.ts';
import type { StaffAccount } from '../staff-api.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { StaffAccountForm } from '../components/StaffAccountForm.tsx';
import { StaffEditForm } from '../components/StaffEditForm.tsx';
import { StaffForm } from '../components/StaffForm.tsx';

export function StaffAccounts() {
  const invalidate = useInvalidate();
  const staff = useQuery({ queryKey: queryKeys.staff(), queryFn: () => api.staff() });
  const reloadStaff = () => void invalidate(queryKeys.staff());
  const teams = useQuery({ queryKey: queryKeys.teams(false), queryFn: () => settingsApi.teams() });
  const [added, setAdded] = useState<StaffMember | null>(null);
  const [changed, setChanged] = useState<string | null>(null);

  return (
    <section className="page settings-page wide">
      <h1>Staff</h1>
      <p className="lead muted">
        Everyone who can sign in. Their role decides what they may see and change; their team and skills, which cases
        they get.
      </p>
      {added && (
        <p className="note" role="status">
          {added.name} ({added.email}) can now sign in as {humanize(added.role).toLowerCase()}.
        </p>
      )}
      {changed && (
        <p className="note" role="status" data-testid="staff-changed">
          {changed}
        </p>
      )}
      <StaffForm
        onCreated={(member) => {
          setAdded(member);
          reloadStaff();
        }}
      />
      <h2 className="list-heading">Staff members</h2>
      {teams.isError && <ErrorAlert error={teams.error} />}
      {staff.isPending && <Loading label="Loading staff…" />}
      {staff.isError && <ErrorAlert error={staff.error} />}
      {staff.isSuccess && (
        <StaffTable
          members={staff.data.items}
          teams={teams.isSuccess ? teams.data.items : []}
          onChanged={(what) => {
            setAdded(null);
            setChanged(what);
            reloadStaff();
          }}
        />
      )}
    </section>
  );
}

interface StaffTableProps {
  members: StaffAccount[];
  teams: TeamSettings[];
  /** What changed, in words, for the status line. */
  onChanged: (what: string) => void;
}

const COLUMNS = 10;

function StaffTable({ members, teams, onChanged }: StaffTableProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [managing, setManaging] = useState<string | null>(null);
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
              <td>
                {member.name}
                {member.disabled && <span className="status status-off staff-disabled">Disabled</span>}
              </td>
              <td>{member.email}</td>
              <td>
                <span className={`role role-${member.role}`}>{humanize(member.role)}</span>
              </td>
              <td>{member.department ? humanize(member.department) : <span className="muted">—</span>}</td>
              <td>{teamName(member.teamId) ?? <span className="muted">—</span>}</td>
              <td>
                {member.skills.length ? (
                  <span className="tag-list">
                    {member.skills.map((skill) => (
                      <span key={skill} className="tag">
                        {skill}
                      </span>
                    ))}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="tabular">
                {member.empowermentLimit.amount} {member.empowermentLimit.currency}
              </td>
              <td>
                {member.available ? (
                  <span className="status status-on">Takes</span>
                ) : (
                  <span className="status status-off">Away</span>
                )}
              </td>
              <td className="added">{formatDate(member.createdAt)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="small"
                  // The accessible name starts with the visible text, so voice users can say what they see.
                  aria-label={`Edit ${member.name}`}
                  aria-expanded={editing === member.id}
                  onClick={() => setEditing(editing === member.id ? null : member.id)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="small"
                  aria-label={`Account of ${member.name}`}
                  aria-expanded={managing === member.id}
                  onClick={() => setManaging(managing === member.id ? null : member.id)}
                >
                  Account
                </button>
              </td>
            </tr>
            {managing === member.id && (
              <tr className="edit-row">
                <td colSpan={COLUMNS}>
                  <StaffAccountForm
                    member={member}
                    onChanged={(_updated, what) => onChanged(what)}
                    onClose={() => setManaging(null)}
                  />
                </td>
              </tr>
            )}
            {editing === member.id && (
              <tr className="edit-row">
                <td colSpan={COLUMNS}>
                  <StaffEditForm
                    member={member}
                    teams={teams}
                    onSaved={(updated) => {
                      setEditing(null);
                      onChanged(`${updated.name} saved.`);
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
