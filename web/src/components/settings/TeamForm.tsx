// Creates or changes a team: its name, time zone, weekly hours, holidays, SLA policy and how it takes cases.
// The server's objections appear beside the field (or the day) they name.
import { useState } from 'react';
import { describedBy } from '../../forms.ts';
import { useFormSubmit } from '../../useFormSubmit.ts';
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
import { fieldRefusal, withNearestFields } from '../../settings/field-errors.ts';
import type { SlaPolicy, TeamInput, TeamSettings } from '../../settings/types.ts';
import { Checkbox } from '../Checkbox.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { BusinessHoursEditor } from './BusinessHoursEditor.tsx';
import { HolidayList } from './HolidayList.tsx';
import { TimeZoneField } from './TimeZoneField.tsx';
import { FormActions } from '../FormActions.tsx';

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
  const [draft, setDraft] = useState<Draft>(() => draftOf(team, offered));
  const edit = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const { submit, saving, problem } = useFormSubmit(
    FIELDS,
    withNearestFields(FIELDS, async () => {
      const weekRefusal = weekProblem(draft.week);
      if (weekRefusal) throw fieldRefusal('businessHours', weekRefusal);
      const input = inputOf(draft);
      onSaved(team ? await settingsApi.replaceTeam(team.id, input) : await settingsApi.createTeam(input));
    }),
  );
  const { byField } = problem;
  const dayErrors = Object.fromEntries(WEEKDAYS.map((day) => [day, byField[dayField(day)]]));
  const headingId = 'team-form-heading';

  return (
    <form className="panel settings-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>{team ? `Edit ${team.name}` : 'New team'}</h2>
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      <div className="form-row">
        <Field id="team-name" label="Name" error={byField.name}>
          <input
            {...describedBy('team-name', byField.name)}
            value={draft.name}
            onChange={(event) => edit({ name: event.target.value })}
          />
        </Field>
        <Field id="team-department" label="Department (optional)" error={byField.department}>
          <input
            {...describedBy('team-department', byField.department)}
            placeholder="e.g. support"
            value={draft.department}
            onChange={(event) => edit({ department: event.target.value })}
          />
        </Field>
      </div>
      <div className="form-row">
        <TimeZoneField value={draft.timezone} onChange={(timezone) => edit({ timezone })} error={byField.timezone} />
        <Field
          id="team-sla"
          label="SLA policy"
          error={byField.slaPolicyId}
          hint="The response and resolution targets for this team’s cases."
        >
          <select
            {...describedBy('team-sla', byField.slaPolicyId)}
            value={draft.slaPolicyId}
            onChange={(event) => edit({ slaPolicyId: event.target.value })}
          >
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
        week={draft.week}
        onChange={(week) => edit({ week })}
        error={byField.businessHours}
        dayErrors={dayErrors}
      />
      <HolidayList holidays={draft.holidays} onChange={(holidays) => edit({ holidays })} error={byField.holidays} />
      <div className="check-row">
        <Checkbox
          id="team-auto-assign"
          label="Assign new cases automatically"
          hint="To the available member with the fewest open cases."
          checked={draft.autoAssign}
          error={byField.autoAssign}
          onChange={(autoAssign) => edit({ autoAssign })}
        />
        <Checkbox
          id="team-default"
          label="Default team"
          hint="Takes the cases no assignment rule matches, and new agents join it."
          checked={draft.isDefault}
          error={byField.isDefault}
          onChange={(isDefault) => edit({ isDefault })}
        />
      </div>
      <FormActions saving={saving} submitLabel={team ? 'Save team' : 'Create team'} onCancel={onCancel} />
    </form>
  );
}
