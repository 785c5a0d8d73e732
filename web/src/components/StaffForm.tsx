// Creates a staff account with a starting password; the server's objections appear beside their fields.
import { useState } from 'react';
import { api } from '../api.ts';
import { describedBy } from '../forms.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { humanize } from '../labels.ts';
import { STAFF_ROLES, type NewStaffMember, type StaffMember, type StaffRole } from '../types.ts';
import { PASSWORD_RULE } from '../staff-api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

const FIELDS = ['email', 'name', 'role', 'department', 'password'] as const;
const EMPTY: NewStaffMember = { email: '', name: '', role: 'agent', department: '', password: '' };

const ROLE_HINTS: Record<StaffRole, string> = {
  admin: 'everything, including keys and staff',
  manager: 'agents’ work plus merges, exports and the audit log',
  agent: 'reads and updates customers',
  viewer: 'reads customers, contact details masked',
};

export function StaffForm({ onCreated }: { onCreated: (member: StaffMember) => void }) {
  const [draft, setDraft] = useState<NewStaffMember>(EMPTY);
  const edit = (change: Partial<NewStaffMember>) => setDraft({ ...draft, ...change });
  const { submit, saving, problem } = useFormSubmit(
    FIELDS,
    async () => {
      const department = draft.department?.trim();
      const member = await api.createStaff({
        ...draft,
        email: draft.email.trim(),
        department: department || undefined,
      });
      setDraft(EMPTY);
      onCreated(member);
    },
    { staff_exists: 'email' },
  );
  const { byField } = problem;

  return (
    <form className="panel settings-form" aria-labelledby="new-staff-heading" onSubmit={submit} noValidate>
      <h2 id="new-staff-heading">Add a staff member</h2>
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      <div className="form-row">
        <Field id="staff-name" label="Name" error={byField.name}>
          <input
            {...describedBy('staff-name', byField.name)}
            value={draft.name}
            onChange={(event) => edit({ name: event.target.value })}
          />
        </Field>
        <Field id="staff-email" label="Email" error={byField.email}>
          <input
            {...describedBy('staff-email', byField.email)}
            type="email"
            value={draft.email}
            onChange={(event) => edit({ email: event.target.value })}
          />
        </Field>
      </div>
      <div className="form-row">
        <Field id="staff-role" label="Role" error={byField.role} hint={`May do: ${ROLE_HINTS[draft.role]}.`}>
          <select
            {...describedBy('staff-role', byField.role)}
            value={draft.role}
            onChange={(event) => edit({ role: event.target.value as StaffRole })}
          >
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {humanize(role)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="staff-department" label="Department (optional)" error={byField.department}>
          <input
            {...describedBy('staff-department', byField.department)}
            placeholder="e.g. support"
            value={draft.department}
            onChange={(event) => edit({ department: event.target.value })}
          />
        </Field>
      </div>
      <Field
        id="staff-password"
        label="Starting password"
        error={byField.password}
        hint={`${PASSWORD_RULE} Tell it to them in person.`}
      >
        <input
          {...describedBy('staff-password', byField.password)}
          type="password"
          autoComplete="new-password"
          value={draft.password}
          onChange={(event) => edit({ password: event.target.value })}
        />
      </Field>
      <button type="submit" className="primary" disabled={saving}>
        {saving ? 'Adding…' : 'Add staff member'}
      </button>
    </form>
  );
}
