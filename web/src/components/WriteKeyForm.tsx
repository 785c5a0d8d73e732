// Creates a write key for one ingest source; the server's objections appear beside the field they concern.
import { useState } from 'react';
import { api } from '../api.ts';
import { describedBy } from '../forms.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import type { CreatedWriteKey } from '../types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

export function WriteKeyForm({ onCreated }: { onCreated: (created: CreatedWriteKey) => void }) {
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const { submit, saving, problem } = useFormSubmit(['name', 'source'], async () => {
    // A blank source is left out so the server derives it from the name.
    const created = await api.createWriteKey(name.trim(), source.trim() || undefined);
    setName('');
    setSource('');
    onCreated(created);
  });

  return (
    <form className="panel settings-form" aria-labelledby="new-key-heading" onSubmit={submit} noValidate>
      <h2 id="new-key-heading">New write key</h2>
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      <div className="form-row">
        <Field id="key-name" label="Name" error={problem.byField.name} hint="What sends with it, e.g. “Web shop”.">
          <input
            {...describedBy('key-name', problem.byField.name)}
            value={name}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field
          id="key-source"
          label="Source (optional)"
          error={problem.byField.source}
          hint="The system whose user ids it sends, in lower case, e.g. “shopify”. Blank: taken from the name."
        >
          <input
            {...describedBy('key-source', problem.byField.source)}
            value={source}
            maxLength={64}
            onChange={(event) => setSource(event.target.value)}
          />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={saving || name.trim() === ''}>
        {saving ? 'Creating…' : 'Create key'}
      </button>
    </form>
  );
}
