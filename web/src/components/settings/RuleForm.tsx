// Creates or changes an assignment rule: which cases it matches, and the team (and skill) they go to.
import { useState } from 'react';
import { describedBy } from '../../forms.ts';
import { useFormSubmit } from '../../useFormSubmit.ts';
import { CASE_PRIORITIES } from '../../types.ts';
import { settingsApi } from '../../settings/api.ts';
import {
  CASE_CHANNELS,
  KNOWN_REASONS,
  conditionsDraftOf,
  conditionsOf,
  type ConditionsDraft,
} from '../../settings/conditions.ts';
import { withNearestFields } from '../../settings/field-errors.ts';
import { inputOf, rewriteRule } from '../../settings/rule-writes.ts';
import type { AssignmentRule, AssignmentRuleInput, TeamSettings } from '../../settings/types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { ChoiceChips } from './ChoiceChips.tsx';

const CONDITION_FIELDS = ['conditions.channels', 'conditions.priorities', 'conditions.reasons', 'conditions.keywords'];
const FIELDS = ['name', 'teamId', 'skill', 'position', 'conditions', ...CONDITION_FIELDS];

interface Draft {
  name: string;
  teamId: string;
  skill: string;
  conditions: ConditionsDraft;
}

interface RuleFormProps {
  /** null for a new rule, which goes last. */
  rule: AssignmentRule | null;
  teams: TeamSettings[];
  onSaved: (rule: AssignmentRule) => void;
  onCancel: () => void;
}

export function RuleForm({ rule, teams, onSaved, onCancel }: RuleFormProps) {
  const [draft, setDraft] = useState<Draft>(() => ({
    name: rule?.name ?? '',
    teamId: rule?.teamId ?? teams[0]?.id ?? '',
    skill: rule?.skill ?? '',
    conditions: conditionsDraftOf(rule?.conditions ?? {}),
  }));
  const edit = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const editConditions = (change: Partial<ConditionsDraft>) => edit({ conditions: { ...draft.conditions, ...change } });
  const { submit, saving, problem } = useFormSubmit(
    FIELDS,
    withNearestFields(FIELDS, async () => {
      const input: AssignmentRuleInput = {
        name: draft.name,
        teamId: draft.teamId,
        skill: draft.skill.trim() || null,
        conditions: conditionsOf(draft.conditions),
      };
      onSaved(
        rule ? await rewriteRule(rule, { ...inputOf(rule), ...input }) : await settingsApi.createAssignmentRule(input),
      );
    }),
  );
  const { byField } = problem;
  // A rule may name a channel this list does not offer (set through the API); it stays choosable.
  const channels = [...new Set([...CASE_CHANNELS, ...draft.conditions.channels])];

  return (
    <form className="panel settings-form" aria-labelledby="rule-form-heading" onSubmit={submit} noValidate>
      <h2 id="rule-form-heading">{rule ? `Edit ${rule.name}` : 'New assignment rule'}</h2>
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      <div className="form-row">
        <Field id="rule-name" label="Name" error={byField.name}>
          <input
            {...describedBy('rule-name', byField.name)}
            value={draft.name}
            onChange={(event) => edit({ name: event.target.value })}
          />
        </Field>
        <Field id="rule-team" label="Send to team" error={byField.teamId}>
          <select
            {...describedBy('rule-team', byField.teamId)}
            value={draft.teamId}
            onChange={(event) => edit({ teamId: event.target.value })}
          >
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
          error={byField.skill}
          hint="Only members with this skill take these cases."
        >
          <input
            {...describedBy('rule-skill', byField.skill)}
            placeholder="e.g. french"
            value={draft.skill}
            onChange={(event) => edit({ skill: event.target.value })}
          />
        </Field>
      </div>
      <fieldset className="conditions">
        <legend>Matches cases where</legend>
        <p className="field-hint">Every condition filled in must hold; leave one empty to match any value.</p>
        <div className="condition">
          <span className="condition-label">Channel is</span>
          <ChoiceChips
            label="Channels"
            options={channels}
            chosen={draft.conditions.channels}
            onChange={(chosen) => editConditions({ channels: chosen })}
          />
          {byField['conditions.channels'] && <p className="field-error">{byField['conditions.channels']}</p>}
        </div>
        <div className="condition">
          <span className="condition-label">Priority is</span>
          <ChoiceChips
            label="Priorities"
            options={CASE_PRIORITIES}
            chosen={draft.conditions.priorities}
            onChange={(chosen) => editConditions({ priorities: chosen })}
          />
          {byField['conditions.priorities'] && <p className="field-error">{byField['conditions.priorities']}</p>}
        </div>
        <div className="form-row">
          <Field
            id="rule-reasons"
            label="Contact reason is one of"
            error={byField['conditions.reasons']}
            hint={`Comma-separated, e.g. ${KNOWN_REASONS.slice(0, 3).join(', ')}.`}
          >
            <input
              {...describedBy('rule-reasons', byField['conditions.reasons'])}
              list="rule-known-reasons"
              value={draft.conditions.reasons}
              onChange={(event) => editConditions({ reasons: event.target.value })}
            />
            <datalist id="rule-known-reasons">
              {KNOWN_REASONS.map((reason) => (
                <option key={reason} value={reason} />
              ))}
            </datalist>
          </Field>
          <Field
            id="rule-keywords"
            label="Message mentions any of"
            error={byField['conditions.keywords']}
            hint="Comma-separated words or phrases; case does not matter."
          >
            <input
              {...describedBy('rule-keywords', byField['conditions.keywords'])}
              value={draft.conditions.keywords}
              onChange={(event) => editConditions({ keywords: event.target.value })}
            />
          </Field>
        </div>
        {byField.conditions && <p className="field-error">{byField.conditions}</p>}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving || teams.length === 0}>
          {saving ? 'Saving…' : rule ? 'Save rule' : 'Add rule'}
        </button>
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        {teams.length === 0 && <span className="field-hint">Create a team first: a rule sends cases to one.</span>}
      </div>
    </form>
  );
}
