// Sets a flag by hand: one of the usual four with a click, or any lower_snake_case word, with an optional reason.
import { useState } from 'react';
import { api } from '../api.ts';
import { describedBy } from '../forms.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { humanize } from '../labels.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

const USUAL_FLAGS = ['vip', 'past_issues', 'needs_extra_support', 'at_risk'];

export function FlagForm({ customerId, onSet }: { customerId: string; onSet: () => Promise<void> }) {
  const [flag, setFlag] = useState('');
  const [reason, setReason] = useState('');
  const { submit, saving, problem } = useFormSubmit(['flag', 'reason'], async () => {
    await api.setFlag(customerId, flag.trim(), reason.trim() || null);
    setFlag('');
    setReason('');
    await onSet();
  });

  return (
    <details className="card-edit">
      <summary>Set a flag</summary>
      <form onSubmit={submit} noValidate aria-label="Set a flag">
        {problem.general !== null && <ErrorAlert error={problem.general} />}
        <div className="chips" role="group" aria-label="Usual flags">
          {USUAL_FLAGS.map((usual) => (
            <button
              type="button"
              key={usual}
              className={usual === flag ? 'chip chosen' : 'chip'}
              aria-pressed={usual === flag}
              onClick={() => setFlag(usual)}
            >
              {humanize(usual)}
            </button>
          ))}
        </div>
        <Field id="flag-name" label="Flag" error={problem.byField.flag} hint="Or your own, in lower_snake_case.">
          <input
            {...describedBy('flag-name', problem.byField.flag)}
            value={flag}
            placeholder="e.g. at_risk"
            onChange={(event) => setFlag(event.target.value)}
          />
        </Field>
        <Field id="flag-reason" label="Reason (optional)" error={problem.byField.reason}>
          <input
            {...describedBy('flag-reason', problem.byField.reason)}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
          />
        </Field>
        <button type="submit" className="primary small" disabled={saving || flag.trim() === ''}>
          {saving ? 'Setting…' : 'Set flag'}
        </button>
      </form>
    </details>
  );
}
