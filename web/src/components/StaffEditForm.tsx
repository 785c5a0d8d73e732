// How one staff member takes cases: their team, skills, the gesture they may give without approval,
// and whether automatic assignment picks them. Opened from their row in the staff list.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { describedBy } from '../forms.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { settingsApi } from '../settings/api.ts';
import { listOf, listText } from '../settings/lists.ts';
import type { TeamSettings } from '../settings/types.ts';
import type { StaffMember } from '../api/types.ts';
import { Checkbox } from './Checkbox.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';
import { FormActions } from './FormActions.tsx';
import { GESTURE_TOTAL_FIELDS, GestureLimitTotals, useGestureTotals } from './GestureLimitTotals.tsx';

// As the API takes it. A limit's amount and currency and a skill's form are the server's rules, named on their field.
const staffEditSchema = z.object({
  teamId: z.string().transform((id) => id || null),
  skills: z.string().transform((skills) => listOf(skills.toLowerCase())),
  empowermentLimit: z.object({
    // Empty goes as null, for the server to refuse beside the box.
    amount: z.string().transform((amount) => (amount.trim() === '' ? null : Number(amount))),
    currency: z.string().transform((currency) => currency.trim().toUpperCase()),
  }),
  available: z.boolean(),
});

const FIELDS = [
  'teamId',
  'skills',
  'empowermentLimit',
  'empowermentLimit.amount',
  'empowermentLimit.currency',
  'available',
  ...GESTURE_TOTAL_FIELDS,
];

interface StaffEditFormProps {
  member: StaffMember;
  teams: TeamSettings[];
  onSaved: (member: StaffMember) => void;
  onCancel: () => void;
}

export function StaffEditForm({ member, teams, onSaved, onCancel }: StaffEditFormProps) {
  const form = useZodForm(staffEditSchema, {
    defaultValues: {
      teamId: member.teamId ?? '',
      skills: listText(member.skills),
      empowermentLimit: {
        amount: String(member.empowermentLimit.amount),
        currency: member.empowermentLimit.currency,
      },
      available: member.available,
    },
    fields: FIELDS,
    nearest: true,
  });
  const [amount, currency, available] = form.watch([
    'empowermentLimit.amount',
    'empowermentLimit.currency',
    'available',
  ]);
  const totals = useGestureTotals(member.id, currency);
  const invalidate = useInvalidate();
  const change = useMutation({
    mutationFn: (changes: Parameters<typeof settingsApi.changeStaff>[1]) => settingsApi.changeStaff(member.id, changes),
    onSuccess: () => invalidate(queryKeys.staff(), queryKeys.gestureLimits(member.id)),
  });
  const save = async (changes: z.output<typeof staffEditSchema>) => {
    const updated = await change.mutateAsync(changes);
    await totals.save(updated.empowermentLimit.currency, updated.empowermentLimit.amount);
    onSaved(updated);
  };
  const limitError = form.errorOf('empowermentLimit.amount') ?? form.errorOf('empowermentLimit');
  const headingId = 'staff-edit-heading';

  return (
    <form className="staff-edit" aria-labelledby={headingId} onSubmit={form.submitWith(save)} noValidate>
      <h3 id={headingId}>How {member.name} takes cases</h3>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="form-row">
        <Field id="staff-edit-team" label="Team" error={form.errorOf('teamId')}>
          <select {...form.input('teamId', 'staff-edit-team')}>
            <option value="">No team</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="staff-edit-skills"
          label="Skills"
          error={form.errorOf('skills')}
          hint="Comma-separated, e.g. billing, french."
        >
          <input {...form.input('skills', 'staff-edit-skills')} />
        </Field>
        <Field
          id="staff-edit-limit"
          label="Gesture limit"
          error={limitError}
          hint="The largest gesture without a manager’s approval."
        >
          <input
            {...form.register('empowermentLimit.amount')}
            {...describedBy('staff-edit-limit', limitError)}
            type="number"
            min={0}
            step="0.01"
          />
        </Field>
        <Field id="staff-edit-currency" label="Currency" error={form.errorOf('empowermentLimit.currency')}>
          <input {...form.input('empowermentLimit.currency', 'staff-edit-currency')} maxLength={3} />
        </Field>
        <GestureLimitTotals
          totals={totals}
          errors={{ perCase: form.errorOf('perCase'), perDay: form.errorOf('perDay') }}
          perGesture={amount}
        />
      </div>
      <Checkbox
        id="staff-edit-available"
        label="Takes new cases"
        hint="Off while away: automatic assignment passes them over."
        checked={available}
        error={form.errorOf('available')}
        onChange={(on) => form.setValue('available', on)}
      />
      <FormActions saving={form.saving} submitLabel={'Save'} onCancel={onCancel} />
    </form>
  );
}
