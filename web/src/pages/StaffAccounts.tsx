// Settings → Staff: who can sign in to Rapport, with which role, and adding someone new.
import { useState } from 'react';
import { api } from '../api.ts';
import { humanize } from '../labels.ts';
import { formatDate } from '../time.ts';
import type { StaffMember } from '../types.ts';
import { useLoaded } from '../useLoaded.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { StaffForm } from '../components/StaffForm.tsx';

export function StaffAccounts() {
  const [staff, reloadStaff] = useLoaded(api.staff);
  const [added, setAdded] = useState<StaffMember | null>(null);

  return (
    <section className="page settings-page">
      <h1>Staff</h1>
      <p className="lead muted">Everyone who can sign in. Their role decides what they may see and change.</p>
      {added && (
        <p className="note" role="status">
          {added.name} ({added.email}) can now sign in as {humanize(added.role).toLowerCase()}.
        </p>
      )}
      <StaffForm
        onCreated={(member) => {
          setAdded(member);
          reloadStaff();
        }}
      />
      <h2 className="list-heading">Staff members</h2>
      {staff.state === 'loading' && <Loading label="Loading staff…" />}
      {staff.state === 'failed' && <ErrorAlert error={staff.error} />}
      {staff.state === 'ready' && <StaffTable members={staff.value.items} />}
    </section>
  );
}

function StaffTable({ members }: { members: StaffMember[] }) {
  return (
    <table className="data-table" aria-label="Staff members">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Department</th>
          <th scope="col">Added</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.id} data-testid="staff-member">
            <td>{member.name}</td>
            <td>{member.email}</td>
            <td>
              <span className={`role role-${member.role}`}>{humanize(member.role)}</span>
            </td>
            <td>{member.department ? humanize(member.department) : <span className="muted">—</span>}</td>
            <td>{formatDate(member.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
