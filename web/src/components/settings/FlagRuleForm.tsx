// One flag rule: on or off, and its thresholds. Saved on its own, so tuning VIP never touches the others.
import { useState } from 'react';
import { describedBy } from '../../forms.ts';
import { useFormSubmit } from '../../useFormSubmit.ts';
import { settingsApi } from '../../settings/api.ts';
import { FLAG_RULE_COPY, paramsDraftOf, paramsOf, type ParamsDraft } from '../../settings/flag-rules.ts';
import type { FlagRule } from '../../settings/types.ts';
import { Checkbox } from '../Checkbox.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';

export function FlagRuleForm({ rule }: { rule: FlagRule }) {
  const copy = FLAG_RULE_COPY[rule.flag];
  const fields = ['enabled', ...copy.params.map(({ key }) => `params.${key}`)];
  const [enabled, setEnabled] = useState(rule.enabled);
  const [params, setParams] = useState<ParamsDraft>(() => paramsDraftOf(rule));
  const [saved, setSaved] = useState(false);
  const { submit, saving, problem } = useFormSubmit(fields, async () => {
    setSaved(false);
    const updated = await settingsApi.changeFlagRule(rule.flag, { enabled, params: paramsOf(rule.flag, params) });
    setEnabled(updated.enabled);
    setParams(paramsDraftOf(updated));
    setSaved(true);
  });
  const { byField } = problem;
  const headingId = `flag-${rule.flag}-heading`;

  return (
    <form className="panel flag-rule" aria-labelledby={headingId} onSubmit={submit} noValidate data-testid="flag-rule">
      <h2 id={headingId}>{copy.title}</h2>
      <p className="muted small-text">{copy.explains}</p>
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      <Checkbox
        id={`flag-${rule.flag}-enabled`}
        label={`Flag customers as ${copy.title}`}
        checked={enabled}
        error={byField.enabled}
        onChange={(on) => {
          setSaved(false);
          setEnabled(on);
        }}
      />
      <div className="flag-params">
        {copy.params.map(({ key, label, kind }) => {
          const id = `flag-${rule.flag}-${key}`;
          const error = byField[`params.${key}`];
          return (
            <Field key={key} id={id} label={label} error={error}>
              <input
                {...describedBy(id, error)}
                type={kind === 'number' ? 'number' : 'text'}
                min={kind === 'number' ? 0 : undefined}
                maxLength={kind === 'currency' ? 3 : undefined}
                disabled={!enabled}
                value={params[key] ?? ''}
                onChange={(event) => {
                  setSaved(false);
                  setParams({ ...params, [key]: event.target.value });
                }}
              />
            </Field>
          );
        })}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : `Save ${copy.title}`}
        </button>
        {saved && (
          <span className="saved" role="status">
            Saved. Every customer it may concern is checked again within a minute.
          </span>
        )}
      </div>
    </form>
  );
}
