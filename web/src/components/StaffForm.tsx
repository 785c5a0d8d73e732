// Creates a staff account with a starting password; the server's objections appear beside their fields.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../api.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { humanize } from '../labels.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { PASSWORD_RULE } from '../staff-api.ts';
import { STAFF_ROLES } from '../choices.ts';
import type { StaffMember, StaffRole } from '../api/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

// The email's form, the password's strength and the department's form are the server's rules, named on their field.
const newStaffSchema = z.object({
  name: z.string(),
  email: z.string().transform((email) => email.trim()),
  role: z.enum(STAFF_ROLES),
  department: z.string().transform((department) => department.trim() || undefined),
  password: z.string(),
});

const EMPTY: z.input<typeof newStaffSchema> = { email: '', name: '', role: 'agent', department: '', password: '' };

const ROLE_HINTS: Record<StaffRole, string> = {
  admin: 'everything, including keys and staff',
  manager: 'agents’ work plus merges, exports and the audit log',
  agent: 'reads and updates customers',
  viewer: 'reads customers, contact details masked',
};

export function StaffForm({ onCreated }: { onCreated: (member: StaffMember) => void }) {
  const form = useZodForm(newStaffSchema, {
    defaultValues: EMPTY,
    fields: ['email', 'name', 'role', 'department', 'password'],
    byCode: { staff_exists: 'email' },
  });
  const invalidate = useInvalidate();
  const create = useMutation({
    mutationFn: (member: z.output<typeof newStaffSchema>) => api.createStaff(member),
    onSuccess: () => invalidate(queryKeys.staff()),
  });
  const role = form.watch('role');

  return (
    <form
      className="panel settings-form"
      aria-labelledby="new-staff-heading"
      onSubmit={form.submitWith(async (values) => {
        const member = await create.mutateAsync(values);
        form.reset();
        onCreated(member);
      })}
      noValidate
    >
      <h2 id="new-staff-heading">Add a staff member</h2>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="form-row">
        <Field id="staff-name" label="Name" error={form.errorOf('name')}>
          <input {...form.input('name', 'staff-name')} />
        </Field>
        <Field id="staff-email" label="Email" error={form.errorOf('email')}>
          <input {...form.input('email', 'staff-email')} type="email" />
        </Field>
      </div>
      <div className="form-row">
        <Field id="staff-role" label="Role" error={form.errorOf('role')} hint={`May do: ${ROLE_HINTS[role]}.`}>
          <select {...form.input('role', 'staff-role')}>
            {STAFF_ROLES.map((option) => (
              <option key={option} value={option}>
                {humanize(option)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="staff-department" label="Department (optional)" error={form.errorOf('department')}>
          <input {...form.input('department', 'staff-department')} placeholder="e.g. support" />
        </Field>
      </div>
      <Field
        id="staff-password"
        label="Starting password"
        error={form.errorOf('password')}
        hint={`${PASSWORD_RULE} Tell it to them in person.`}
      >
        <input {...form.input('password', 'staff-password')} type="password" autoComplete="new-password" />
      </Field>
      <button type="submit" className="primary" disabled={form.saving}>
        {form.saving ? 'Adding…' : 'Add staff member'}
      </button>
    </form>
  );
}
