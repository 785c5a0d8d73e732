// Records a preference the customer told us ("contact.channel = email"); it shows as Stated, with us as its source.
import { useState } from 'react';
import { api } from '../api.ts';
import { describedBy } from '../forms.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

export function PreferenceForm({ customerId, onStated }: { customerId: string; onStated: () => Promise<void> }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const { submit, saving, problem } = useFormSubmit(['key', 'value'], async () => {
    await api.statePreference(customerId, key.trim(), value.trim());
    setKey('');
    setValue('');
    await onStated();
  });

  return (
    <details className="card-edit">
      <summary>Add a stated preference</summary>
      <form onSubmit={submit} noValidate aria-label="Add a stated preference">
        {problem.general !== null && <ErrorAlert error={problem.general} />}
        <div className="form-row">
          <Field id="preference-key" label="Preference" error={problem.byField.key}>
            <input
              {...describedBy('preference-key', problem.byField.key)}
              value={key}
              maxLength={100}
              placeholder="e.g. contact.time"
              onChange={(event) => setKey(event.target.value)}
            />
          </Field>
          <Field id="preference-value" label="Value" error={problem.byField.value}>
            <input
              {...describedBy('preference-value', problem.byField.value)}
              value={value}
              maxLength={1000}
              placeholder="e.g. mornings"
              onChange={(event) => setValue(event.target.value)}
            />
          </Field>
        </div>
        <button type="submit" className="primary small" disabled={saving || key.trim() === '' || value.trim() === ''}>
          {saving ? 'Saving…' : 'Add preference'}
        </button>
      </form>
    </details>
  );
}
