// Settings → SLA policies: how fast each priority is answered and resolved, for the teams that use them.
import { useState } from 'react';
import { settingsApi } from '../../settings/api.ts';
import type { SlaPolicy } from '../../settings/types.ts';
import { useLoaded } from '../../useLoaded.ts';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';
import { SlaPolicyForm } from '../../components/settings/SlaPolicyForm.tsx';
import { SlaPolicyTable } from '../../components/settings/SlaPolicyTable.tsx';

export function SlaPolicies() {
  const [policies, reloadPolicies] = useLoaded(settingsApi.slaPolicies);
  const [teams] = useLoaded(settingsApi.teams);
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const open = (policy: SlaPolicy | 'new') => {
    setSaved(null);
    setEditing(policy);
    window.scrollTo({ top: 0 });
  };

  return (
    <section className="page settings-page">
      <div className="page-bar">
        <h1>SLA policies</h1>
        {editing === null && (
          <button type="button" className="primary" onClick={() => open('new')}>
            New SLA policy
          </button>
        )}
      </div>
      <p className="lead muted">
        Targets per priority for the first reply, each later reply and resolution. A team picks one policy; its clocks stop while a case waits on the
        customer.
      </p>
      {saved && (
        <p className="note" role="status">
          {saved}
        </p>
      )}
      {editing !== null && (
        <SlaPolicyForm
          key={editing === 'new' ? 'new' : editing.id}
          policy={editing === 'new' ? null : editing}
          onSaved={(policy) => {
            setSaved(`${policy.name} saved.`);
            setEditing(null);
            reloadPolicies();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <h2 className="list-heading">Policies</h2>
      {policies.state === 'loading' && <Loading label="Loading SLA policies…" />}
      {policies.state === 'failed' && <ErrorAlert error={policies.error} />}
      {policies.state === 'ready' && (
        <SlaPolicyTable policies={policies.value.items} teams={teams.state === 'ready' ? teams.value.items : []} onEdit={open} />
      )}
    </section>
  );
}
