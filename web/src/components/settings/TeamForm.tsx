// Creates or changes a team: its name, time zone, weekly hours, holidays, SLA policy and how it takes cases.
// The server's objections appear beside the field (or the day) they name.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import {
  WEEKDAYS,
  browserTimeZone,
  businessHoursOf,
  officeWeek,
  weekDraftOf,
  weekProblem,
  type WeekDraft,
  type Weekday,
} from '../../settings/business-hours.ts';
import type { SlaPolicy, TeamInput, TeamSettings } from '../../settings/types.ts';
import { Checkbox } from '../Checkbox.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { FormActions } from '../FormActions.tsx';
import { BusinessHoursEditor } from './BusinessHoursEditor.tsx';
import { HolidayList } from './HolidayList.tsx';
import { TimeZoneField } from './TimeZoneField.tsx';

const dayField = (day: Weekday) => `businessHours.${day}`;
const FIELDS = [
  'name',
  'department',
  'timezone',
  'slaPolicyId',
  'autoAssign',
  'isDefault',
  'holidays',
  'businessHours',
  ...WEEKDAYS.map(dayField),
];

interface Draft {
  name: string;
  department: string;
  timezone: string;
  week: WeekDraft;
  holidays: string[];
  slaPolicyId: string;
  autoAssign: boolean;
  isDefault: boolean;
}

function draftOf(team: TeamSettings | null, policies: SlaPolicy[]): Draft {
  if (!team) {
    return {
      name: '',
      department: '',
      timezone: browserTimeZone(),
      week: officeWeek(),
      holidays: [],
      slaPolicyId: policies[0]?.id ?? '',
      autoAssign: true,
      isDefault: false,
    };
  }
  return {
    name: team.name,
    department: team.department ?? '',
    timezone: team.timezone,
    week: weekDraftOf(team.businessHours),
    holidays: [...team.holidays],
    slaPolicyId: team.slaPolicyId ?? '',
    autoAssign: team.autoAssign,
    isDefault: team.isDefault,
  };
}

// The team as the API takes it. A week with no open day is refused here, beside the hours, with the server's
// own rule; the time zone being known, the hours' order and the holidays' dates are the server's to check.
const teamSchema = z
  .object({
    name: z.string(),
    department: z.string(),
    timezone: z.string(),
    week: z.custom<WeekDraft>(),
    holidays: z.array(z.string()),
    slaPolicyId: z.string(),
    autoAssign: z.boolean(),
    isDefault: z.boolean(),
  })
  .superRefine((draft, context) => {
    const refusal = weekProblem(draft.week);
    if (refusal) context.addIssue({ code: 'custom', path: ['businessHours'], message: refusal });
  })
  .transform(inputOf);

function inputOf(draft: Draft): TeamInput {
  return {
    name: draft.name,
    department: draft.department.trim() || null,
    timezone: draft.timezone.trim(),
    businessHours: businessHoursOf(draft.week),
    holidays: draft.holidays,
    slaPolicyId: draft.slaPolicyId || null,
    autoAssign: draft.autoAssign,
    isDefault: draft.isDefault,
  };
}

/** Active policies, and the team's own even if archived: the server lets a team keep one but not be given one. */
function policiesOffered(policies: SlaPolicy[], team: TeamSettings | null): SlaPolicy[] {
  return policies.filter((policy) => policy.archivedAt === null || policy.id === team?.slaPolicyId);
}

interface TeamFormProps {
  /** null for a new team. */
  team: TeamSettings | null;
  /** Archived ones may be among them; only the team's own is offered. */
  policies: SlaPolicy[];
  onSaved: (team: TeamSettings) => void;
  onCancel: () => void;
}

export function TeamForm({ team, policies, onSaved, onCancel }: TeamFormProps) {
  const offered = policiesOffered(policies, team);
  const form = useZodForm(teamSchema, { defaultValues: draftOf(team, offered), fields: FIELDS, nearest: true });
  const invalidate = useInvalidate();
  const save = useMutation({
    mutationFn: (input: TeamInput) => (team ? settingsApi.replaceTeam(team.id, input) : settingsApi.createTeam(input)),
    onSuccess: () => invalidate(queryKeys.teams()),
  });
  const [timezone, week, holidays, autoAssign, isDefault] = form.watch([
    'timezone',
    'week',
    'holidays',
    'autoAssign',
    'isDefault',
  ]);
  const dayErrors = Object.fromEntries(WEEKDAYS.map((day) => [day, form.errorOf(dayField(day))]));
  const headingId = 'team-form-heading';

  return (
    <form
      className="panel settings-form"
      aria-labelledby={headingId}
      onSubmit={form.submitWith(async (input) => onSaved(await save.mutateAsync(input)))}
      noValidate
    >
      <h2 id={headingId}>{team ? `Edit ${team.name}` : 'New team'}</h2>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="form-row">
        <Field id="team-name" label="Name" error={form.errorOf('name')}>
          <input {...form.input('name', 'team-name')} />
        </Field>
        <Field id="team-department" label="Department (optional)" error={form.errorOf('department')}>
          <input {...form.input('department', 'team-department')} placeholder="e.g. support" />
        </Field>
      </div>
      <div className="form-row">
        <TimeZoneField
          value={timezone}
          onChange={(zone) => form.setValue('timezone', zone)}
          error={form.errorOf('timezone')}
        />
        <Field
          id="team-sla"
          label="SLA policy"
          error={form.errorOf('slaPolicyId')}
          hint="The response and resolution targets for this team’s cases."
        >
          <select {...form.input('slaPolicyId', 'team-sla')}>
            <option value="">No SLA (no clocks)</option>
            {offered.map((policy) => (
              <option key={policy.id} value={policy.id}>
                {policy.archivedAt ? `${policy.name} (archived)` : policy.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <BusinessHoursEditor
        week={week}
        onChange={(changed) => form.setValue('week', changed)}
        error={form.errorOf('businessHours')}
        dayErrors={dayErrors}
      />
      <HolidayList
        holidays={holidays}
        onChange={(changed) => form.setValue('holidays', changed)}
        error={form.errorOf('holidays')}
      />
      <div className="check-row">
        <Checkbox
          id="team-auto-assign"
          label="Assign new cases automatically"
          hint="To the available member with the fewest open cases."
          checked={autoAssign}
          error={form.errorOf('autoAssign')}
          onChange={(on) => form.setValue('autoAssign', on)}
        />
        <Checkbox
          id="team-default"
          label="Default team"
          hint="Takes the cases no assignment rule matches, and new agents join it."
          checked={isDefault}
          error={form.errorOf('isDefault')}
          onChange={(on) => form.setValue('isDefault', on)}
        />
      </div>
      <FormActions saving={form.saving} submitLabel={team ? 'Save team' : 'Create team'} onCancel={onCancel} />
    </form>
  );
}
