// How one staff member takes cases: their team, skills, the gesture they may give without approval,
// and whether automatic assignment picks them. Opened from their row in the staff list.
import { useState } from 'react';
import { describedBy } from '../forms.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { settingsApi } from '../settings/api.ts';
import { withNearestFields } from '../settings/field-errors.ts';
import { listOf, listText } from '../settings/lists.ts';
import type { TeamSettings } from '../settings/types.ts';
import type { StaffMember } from '../types.ts';
import { Checkbox } from './Checkbox.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';
import { FormActions } from './FormActions.tsx';
import { GESTURE_TOTAL_FIELDS, GestureLimitTotals, useGestureTotals } from './GestureLimitTotals.tsx';

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
  const [teamId, setTeamId] = useState(member.teamId ?? '');
  const [skills, setSkills] = useState(listText(member.skills));
  const [amount, setAmount] = useState(String(member.empowermentLimit.amount));
  const [currency, setCurrency] = useState(member.empowermentLimit.currency);
  const [available, setAvailable] = useState(member.available);
  const totals = useGestureTotals(member.id, currency);
  const { submit, saving, problem } = useFormSubmit(
    FIELDS,
    withNearestFields(FIELDS, async () => {
      const updated = await settingsApi.changeStaff(member.id, {
        teamId: teamId || null,
        skills: listOf(skills.toLowerCase()),
        empowermentLimit: {
          amount: amount.trim() === '' ? null : Number(amount),
          currency: currency.trim().toUpperCase(),
        },
        available,
      });
      await totals.save(updated.empowermentLimit.currency, updated.empowermentLimit.amount);
      onSaved(updated);
    }),
  );
  const { byField } = problem;
  const limitError = byField['empowermentLimit.amount'] ?? byField.empowermentLimit;
  const headingId = 'staff-edit-heading';

  return (
    <form className="staff-edit" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId}>How {member.name} takes cases</h3>
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      <div className="form-row">
        <Field id="staff-edit-team" label="Team" error={byField.teamId}>
          <select
            {...describedBy('staff-edit-team', byField.teamId)}
            value={teamId}
            onChange={(event) => setTeamId(event.target.value)}
          >
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
          error={byField.skills}
          hint="Comma-separated, e.g. billing, french."
        >
          <input
            {...describedBy('staff-edit-skills', byField.skills)}
            value={skills}
            onChange={(event) => setSkills(event.target.value)}
          />
        </Field>
        <Field
          id="staff-edit-limit"
          label="Gesture limit"
          error={limitError}
          hint="The largest gesture without a manager’s approval."
        >
          <input
            {...describedBy('staff-edit-limit', limitError)}
            type="number"
            min={0}
            step="0.01"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
        </Field>
        <Field id="staff-edit-currency" label="Currency" error={byField['empowermentLimit.currency']}>
          <input
            {...describedBy('staff-edit-currency', byField['empowermentLimit.currency'])}
            maxLength={3}
            value={currency}
            onChange={(event) => setCurrency(event.target.value)}
          />
        </Field>
        <GestureLimitTotals totals={totals} errors={byField} perGesture={amount} />
      </div>
      <Checkbox
        id="staff-edit-available"
        label="Takes new cases"
        hint="Off while away: automatic assignment passes them over."
        checked={available}
        error={byField.available}
        onChange={setAvailable}
      />
      <FormActions saving={saving} submitLabel={'Save'} onCancel={onCancel} />
    </form>
  );
}
