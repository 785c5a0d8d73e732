// Settings → SLA policies: how fast each priority is answered and resolved, for the teams that use them.
// Policies are archived rather than deleted; the server refuses while a team runs on one, and says which.
import { useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { useState } from 'react';
import { settingsApi } from '../../settings/api.ts';
import type { SlaPolicy } from '../../settings/types.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';
import { RefusalAlert } from '../../components/settings/RefusalAlert.tsx';
import { SlaPolicyForm } from '../../components/settings/SlaPolicyForm.tsx';
import { SlaPolicyTable } from '../../components/settings/SlaPolicyTable.tsx';

export function SlaPolicies() {
  // Archived ones are always loaded: the checkbox only filters.
  const invalidate = useInvalidate();
  const policies = useQuery({
    queryKey: queryKeys.slaPolicies(true),
    queryFn: () => settingsApi.slaPolicies({ includeArchived: true }),
  });
  const reloadPolicies = () => void invalidate(queryKeys.slaPolicies());
  const teams = useQuery({ queryKey: queryKeys.teams(false), queryFn: () => settingsApi.teams() });
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);

  const open = (policy: SlaPolicy | 'new') => {
    setNote(null);
    setRefusal(null);
    setEditing(policy);
    window.scrollTo({ top: 0 });
  };

  /** Runs an archive or restore, showing what it did or why the server refused; never rejects. */
  const change = async (policy: SlaPolicy, send: () => Promise<string>) => {
    setNote(null);
    setRefusal(null);
    try {
      setNote(await send());
      if (editing !== null && editing !== 'new' && editing.id === policy.id) setEditing(null);
      reloadPolicies();
    } catch (error) {
      setRefusal(error);
    }
  };
  const archive = (policy: SlaPolicy) =>
    change(policy, async () => {
      await settingsApi.archiveSlaPolicy(policy.id);
      return `${policy.name} archived.`;
    });
  const restore = (policy: SlaPolicy) =>
    change(policy, async () => {
      await settingsApi.restoreSlaPolicy(policy.id);
      return `${policy.name} restored.`;
    });

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
        Targets per priority for the first reply, each later reply and resolution. A team picks one policy; its clocks
        stop while a case waits on the customer.
      </p>
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
      {editing !== null && (
        <SlaPolicyForm
          key={editing === 'new' ? 'new' : editing.id}
          policy={editing === 'new' ? null : editing}
          onSaved={(policy) => {
            setNote(`${policy.name} saved.`);
            setEditing(null);
            reloadPolicies();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <h2 className="list-heading">Policies</h2>
      <Checkbox
        id="show-archived-policies"
        label="Show archived policies"
        checked={showArchived}
        onChange={setShowArchived}
      />
      {refusal !== null && <RefusalAlert error={refusal} />}
      {policies.isPending && <Loading label="Loading SLA policies…" />}
      {policies.isError && <ErrorAlert error={policies.error} />}
      {policies.isSuccess && (
        <SlaPolicyTable
          policies={policies.data.items.filter((policy) => showArchived || policy.archivedAt === null)}
          teams={teams.isSuccess ? teams.data.items : []}
          onEdit={open}
          onArchive={archive}
          onRestore={restore}
        />
      )}
    </section>
  );
}
