// One flag rule: on or off, and its thresholds. Saved on its own, so tuning VIP never touches the others.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import { FLAG_RULE_COPY, paramsDraftOf, paramsOf } from '../../settings/flag-rules.ts';
import type { FlagName, FlagRule } from '../../settings/types.ts';
import { Checkbox } from '../Checkbox.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';

/** The rule as the API takes it; each threshold's range and the currency's form are the server's rules. */
const flagRuleSchema = (flag: FlagName) =>
  z
    .object({ enabled: z.boolean(), params: z.record(z.string(), z.string()) })
    .transform(({ enabled, params }) => ({ enabled, params: paramsOf(flag, params) }));

export function FlagRuleForm({ rule }: { rule: FlagRule }) {
  const copy = FLAG_RULE_COPY[rule.flag];
  const form = useZodForm(flagRuleSchema(rule.flag), {
    defaultValues: { enabled: rule.enabled, params: paramsDraftOf(rule) },
    fields: ['enabled', ...copy.params.map(({ key }) => `params.${key}`)],
  });
  const [saved, setSaved] = useState(false);
  const invalidate = useInvalidate();
  const change = useMutation({
    mutationFn: (input: Pick<FlagRule, 'enabled' | 'params'>) => settingsApi.changeFlagRule(rule.flag, input),
    onSuccess: () => invalidate(queryKeys.flagRules()),
  });
  const enabled = form.watch('enabled');
  const headingId = `flag-${rule.flag}-heading`;

  return (
    <form
      className="panel flag-rule"
      aria-labelledby={headingId}
      onSubmit={form.submitWith(async (input) => {
        setSaved(false);
        const updated = await change.mutateAsync(input);
        form.reset({ enabled: updated.enabled, params: paramsDraftOf(updated) });
        setSaved(true);
      })}
      noValidate
      data-testid="flag-rule"
    >
      <h2 id={headingId}>{copy.title}</h2>
      <p className="muted small-text">{copy.explains}</p>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <Checkbox
        id={`flag-${rule.flag}-enabled`}
        label={`Flag customers as ${copy.title}`}
        checked={enabled}
        error={form.errorOf('enabled')}
        onChange={(on) => {
          setSaved(false);
          form.setValue('enabled', on);
        }}
      />
      <div className="flag-params">
        {copy.params.map(({ key, label, kind }) => {
          const id = `flag-${rule.flag}-${key}`;
          return (
            <Field key={key} id={id} label={label} error={form.errorOf(`params.${key}`)}>
              <input
                {...form.input(`params.${key}`, id)}
                type={kind === 'number' ? 'number' : 'text'}
                min={kind === 'number' ? 0 : undefined}
                maxLength={kind === 'currency' ? 3 : undefined}
                disabled={!enabled}
                onInput={() => setSaved(false)}
              />
            </Field>
          );
        })}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.saving}>
          {form.saving ? 'Saving…' : `Save ${copy.title}`}
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
