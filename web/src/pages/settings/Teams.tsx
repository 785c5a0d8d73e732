// Settings → Teams: who works together, when (time zone, weekly hours, holidays), and with which SLA.
import { useState } from 'react';
import { settingsApi } from '../../settings/api.ts';
import type { TeamSettings } from '../../settings/types.ts';
import { useLoaded } from '../../useLoaded.ts';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';
import { TeamForm } from '../../components/settings/TeamForm.tsx';
import { TeamTable } from '../../components/settings/TeamTable.tsx';

export function Teams() {
  const [teams, reloadTeams] = useLoaded(settingsApi.teams);
  const [policies] = useLoaded(settingsApi.slaPolicies);
  const [editing, setEditing] = useState<TeamSettings | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const open = (team: TeamSettings | 'new') => {
    setSaved(null);
    setEditing(team);
    window.scrollTo({ top: 0 });
  };

  return (
    <section className="page settings-page">
      <div className="page-bar">
        <h1>Teams</h1>
        {editing === null && (
          <button type="button" className="primary" onClick={() => open('new')}>
            New team
          </button>
        )}
      </div>
      <p className="lead muted">
        Cases are assigned within a team. Its hours and holidays decide when SLA clocks run, in its own time zone.
      </p>
      {saved && (
        <p className="note" role="status">
          {saved}
        </p>
      )}
      {policies.state === 'failed' && <ErrorAlert error={policies.error} />}
      {editing !== null && policies.state === 'ready' && (
        <TeamForm
          key={editing === 'new' ? 'new' : editing.id}
          team={editing === 'new' ? null : editing}
          policies={policies.value.items}
          onSaved={(team) => {
            setSaved(`${team.name} saved.`);
            setEditing(null);
            reloadTeams();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <h2 className="list-heading">Teams</h2>
      {teams.state === 'loading' && <Loading label="Loading teams…" />}
      {teams.state === 'failed' && <ErrorAlert error={teams.error} />}
      {teams.state === 'ready' && (
        <TeamTable teams={teams.value.items} policies={policies.state === 'ready' ? policies.value.items : []} onEdit={open} />
      )}
    </section>
  );
}
