// Creates or changes an assignment rule: which cases it matches, and the team (and skill) they go to.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import { KNOWN_REASONS, conditionsDraftOf, conditionsOf } from '../../settings/conditions.ts';
import { inputOf, rewriteRule } from '../../settings/rule-writes.ts';
import type { AssignmentRule, AssignmentRuleInput, TeamSettings } from '../../settings/types.ts';
import { CASE_PRIORITIES } from '../../choices.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { ChannelCondition, ChipCondition } from './ChoiceChips.tsx';

const CONDITION_FIELDS = ['conditions.channels', 'conditions.priorities', 'conditions.reasons', 'conditions.keywords'];
const FIELDS = ['name', 'teamId', 'skill', 'position', 'conditions', ...CONDITION_FIELDS];

// The rule as the API takes it. A name being given, the team existing and the lists' lengths are the server's rules.
const ruleSchema = z
  .object({
    name: z.string(),
    teamId: z.string(),
    skill: z.string(),
    conditions: z.object({
      channels: z.array(z.string()),
      priorities: z.array(z.enum(CASE_PRIORITIES)),
      reasons: z.string(),
      keywords: z.string(),
    }),
  })
  .transform(
    ({ name, teamId, skill, conditions }): AssignmentRuleInput => ({
      name,
      teamId,
      skill: skill.trim() || null,
      conditions: conditionsOf(conditions),
    }),
  );

interface RuleFormProps {
  /** null for a new rule, which goes last. */
  rule: AssignmentRule | null;
  teams: TeamSettings[];
  onSaved: (rule: AssignmentRule) => void;
  onCancel: () => void;
}

export function RuleForm({ rule, teams, onSaved, onCancel }: RuleFormProps) {
  const form = useZodForm(ruleSchema, {
    defaultValues: {
      name: rule?.name ?? '',
      teamId: rule?.teamId ?? teams[0]?.id ?? '',
      skill: rule?.skill ?? '',
      conditions: conditionsDraftOf(rule?.conditions ?? {}),
    },
    fields: FIELDS,
    nearest: true,
  });
  const invalidate = useInvalidate();
  const save = useMutation({
    mutationFn: (input: AssignmentRuleInput) =>
      rule ? rewriteRule(rule, { ...inputOf(rule), ...input }) : settingsApi.createAssignmentRule(input),
    onSuccess: () => invalidate(queryKeys.assignmentRules()),
  });
  const [chosenChannels, chosenPriorities] = form.watch(['conditions.channels', 'conditions.priorities']);
  const errorOf = form.errorOf;

  return (
    <form
      className="panel settings-form"
      aria-labelledby="rule-form-heading"
      onSubmit={form.submitWith(async (input) => onSaved(await save.mutateAsync(input)))}
      noValidate
    >
      <h2 id="rule-form-heading">{rule ? `Edit ${rule.name}` : 'New assignment rule'}</h2>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="form-row">
        <Field id="rule-name" label="Name" error={errorOf('name')}>
          <input {...form.input('name', 'rule-name')} />
        </Field>
        <Field id="rule-team" label="Send to team" error={errorOf('teamId')}>
          <select {...form.input('teamId', 'rule-team')}>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="rule-skill"
          label="Needs skill (optional)"
          error={errorOf('skill')}
          hint="Only members with this skill take these cases."
        >
          <input {...form.input('skill', 'rule-skill')} placeholder="e.g. french" />
        </Field>
      </div>
      <fieldset className="conditions">
        <legend>Matches cases where</legend>
        <p className="field-hint">Every condition filled in must hold; leave one empty to match any value.</p>
        <ChannelCondition
          chosen={chosenChannels}
          error={errorOf('conditions.channels')}
          onChange={(chosen) => form.setValue('conditions.channels', chosen)}
        />
        <ChipCondition
          condition="Priority is"
          label="Priorities"
          options={CASE_PRIORITIES}
          chosen={chosenPriorities}
          error={errorOf('conditions.priorities')}
          onChange={(chosen) => form.setValue('conditions.priorities', chosen)}
        />
        <div className="form-row">
          <Field
            id="rule-reasons"
            label="Contact reason is one of"
            error={errorOf('conditions.reasons')}
            hint={`Comma-separated, e.g. ${KNOWN_REASONS.slice(0, 3).join(', ')}.`}
          >
            <input {...form.input('conditions.reasons', 'rule-reasons')} list="rule-known-reasons" />
            <datalist id="rule-known-reasons">
              {KNOWN_REASONS.map((reason) => (
                <option key={reason} value={reason} />
              ))}
            </datalist>
          </Field>
          <Field
            id="rule-keywords"
            label="Message mentions any of"
            error={errorOf('conditions.keywords')}
            hint="Comma-separated words or phrases; case does not matter."
          >
            <input {...form.input('conditions.keywords', 'rule-keywords')} />
          </Field>
        </div>
        {errorOf('conditions') && <p className="field-error">{errorOf('conditions')}</p>}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.saving || teams.length === 0}>
          {form.saving ? 'Saving…' : rule ? 'Save rule' : 'Add rule'}
        </button>
        <button type="button" onClick={onCancel} disabled={form.saving}>
          Cancel
        </button>
        {teams.length === 0 && <span className="field-hint">Create a team first: a rule sends cases to one.</span>}
      </div>
    </form>
  );
}
