// Creates or changes an escalation rule: which negative, urgent words it catches, the priority it raises their
// case to, and whether words that open no case by themselves (a survey comment) open one.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { humanize } from '../../labels.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import { KNOWN_REASONS } from '../../settings/conditions.ts';
import {
  ESCALATION_PRIORITIES,
  ESCALATION_THRESHOLDS,
  NEW_RULE_CONDITIONS,
  escalationConditionsOf,
  escalationDraftOf,
} from '../../settings/escalation-rules.ts';
import type { EscalationRule, EscalationRuleInput } from '../../settings/types.ts';
import { Checkbox } from '../Checkbox.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { FormActions } from '../FormActions.tsx';
import { ChannelCondition, ChipCondition } from './ChoiceChips.tsx';

const CONDITION_FIELDS = [
  'conditions.channels',
  'conditions.reasons',
  'conditions.sentimentAtMost',
  'conditions.urgencyAtLeast',
];
const FIELDS = ['name', 'enabled', 'priority', 'opensCase', 'conditions', ...CONDITION_FIELDS];

// The rule as the API takes it; the name being given and the thresholds' ranges are the server's rules.
const escalationRuleSchema = z
  .object({
    name: z.string(),
    enabled: z.boolean(),
    priority: z.enum(ESCALATION_PRIORITIES),
    opensCase: z.boolean(),
    conditions: z.object({
      channels: z.array(z.string()),
      reasons: z.array(z.string()),
      otherReasons: z.string(),
      sentimentAtMost: z.string(),
      urgencyAtLeast: z.string(),
    }),
  })
  .transform(
    ({ conditions, ...rule }): EscalationRuleInput => ({ ...rule, conditions: escalationConditionsOf(conditions) }),
  );

interface EscalationRuleFormProps {
  /** null for a new rule, which goes last. */
  rule: EscalationRule | null;
  onSaved: (rule: EscalationRule) => void;
  onCancel: () => void;
}

export function EscalationRuleForm({ rule, onSaved, onCancel }: EscalationRuleFormProps) {
  const form = useZodForm(escalationRuleSchema, {
    defaultValues: {
      name: rule?.name ?? '',
      enabled: rule?.enabled ?? true,
      priority: rule?.priority ?? 'high',
      opensCase: rule?.opensCase ?? true,
      conditions: escalationDraftOf(rule?.conditions ?? NEW_RULE_CONDITIONS),
    },
    fields: FIELDS,
    nearest: true,
    // The chips offer only reasons the server takes: a refused one was typed in the box.
    rename: { 'conditions.reasons': 'conditions.otherReasons' },
  });
  const invalidate = useInvalidate();
  const save = useMutation({
    mutationFn: (input: EscalationRuleInput) =>
      rule ? settingsApi.changeEscalationRule(rule.id, input) : settingsApi.createEscalationRule(input),
    onSuccess: () => invalidate(queryKeys.escalationRules()),
  });
  const [chosenChannels, chosenReasons, enabled, opensCase] = form.watch([
    'conditions.channels',
    'conditions.reasons',
    'enabled',
    'opensCase',
  ]);
  // A rule may name a reason this list does not offer (set through the API); it stays choosable.
  const reasons = [...new Set([...KNOWN_REASONS, ...chosenReasons])];
  const errorOf = form.errorOf;

  return (
    <form
      className="panel settings-form"
      aria-labelledby="escalation-form-heading"
      onSubmit={form.submitWith(async (input) => onSaved(await save.mutateAsync(input)))}
      noValidate
    >
      <h2 id="escalation-form-heading">{rule ? `Edit ${rule.name}` : 'New escalation rule'}</h2>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="form-row">
        <Field id="escalation-name" label="Name" error={errorOf('name')}>
          <input {...form.input('name', 'escalation-name')} />
        </Field>
        <Field id="escalation-priority" label="Raise priority to" error={errorOf('priority')}>
          <select {...form.input('priority', 'escalation-priority')}>
            {ESCALATION_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {humanize(priority)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="conditions">
        <legend>Escalates a customer’s words when</legend>
        <p className="field-hint">Every condition must hold. No channel or reason chosen: any of them.</p>
        <ChannelCondition
          chosen={chosenChannels}
          error={errorOf('conditions.channels')}
          onChange={(chosen) => form.setValue('conditions.channels', chosen)}
        />
        <ChipCondition
          condition="Reason is"
          label="Reasons"
          options={reasons}
          chosen={chosenReasons}
          onChange={(chosen) => form.setValue('conditions.reasons', chosen)}
        />
        <div className="form-row">
          <Field
            id="escalation-other-reasons"
            label="Other reasons"
            error={errorOf('conditions.otherReasons')}
            hint="Comma-separated, as agents name them on cases."
          >
            <input {...form.input('conditions.otherReasons', 'escalation-other-reasons')} />
          </Field>
          {ESCALATION_THRESHOLDS.map(({ score, label, min, max, hint }) => (
            <Field
              key={score}
              id={`escalation-${score}`}
              label={label}
              error={errorOf(`conditions.${score}`)}
              hint={hint}
            >
              <input
                {...form.input(`conditions.${score}`, `escalation-${score}`)}
                type="number"
                min={min}
                max={max}
                step={0.1}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <Checkbox
        id="escalation-opens-case"
        label="Open a case for words that would not open one (survey comments, reviews, in-app messages)"
        checked={opensCase}
        error={errorOf('opensCase')}
        onChange={(on) => form.setValue('opensCase', on)}
      />
      <Checkbox
        id="escalation-enabled"
        label="Enabled"
        checked={enabled}
        error={errorOf('enabled')}
        hint="A rule turned off is skipped; the next one is tried."
        onChange={(on) => form.setValue('enabled', on)}
      />
      <FormActions saving={form.saving} submitLabel={rule ? 'Save rule' : 'Add rule'} onCancel={onCancel} />
    </form>
  );
}
