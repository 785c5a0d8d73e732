// Settings → Teams: who works together, when (time zone, weekly hours, holidays), and with which SLA.
// Teams are archived rather than deleted; the server's reasons for refusing (cases, rules) are listed above the table.
import { useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { useState } from 'react';
import { settingsApi } from '../../settings/api.ts';
import type { ArchivedTeam, TeamSettings } from '../../settings/types.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';
import { RefusalAlert } from '../../components/settings/RefusalAlert.tsx';
import { TeamForm } from '../../components/settings/TeamForm.tsx';
import { TeamTable } from '../../components/settings/TeamTable.tsx';

function archivedNote(team: ArchivedTeam, defaultTeam: TeamSettings | undefined): string {
  if (team.membersMoved === 0) return `${team.name} archived.`;
  const members = team.membersMoved === 1 ? '1 member' : `${team.membersMoved} members`;
  return `${team.name} archived; ${members} moved to ${defaultTeam?.name ?? 'the default team'}.`;
}

export function Teams() {
  // Archived ones are always loaded: the checkbox only filters, and the table needs archived policies' names.
  const invalidate = useInvalidate();
  const teams = useQuery({
    queryKey: queryKeys.teams(true),
    queryFn: () => settingsApi.teams({ includeArchived: true }),
  });
  const reloadTeams = () => void invalidate(queryKeys.teams());
  const policies = useQuery({
    queryKey: queryKeys.slaPolicies(true),
    queryFn: () => settingsApi.slaPolicies({ includeArchived: true }),
  });
  const [editing, setEditing] = useState<TeamSettings | 'new' | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);

  const open = (team: TeamSettings | 'new') => {
    setNote(null);
    setRefusal(null);
    setEditing(team);
    window.scrollTo({ top: 0 });
  };

  /** Runs an archive or restore, showing what it did or why the server refused; never rejects. */
  const change = async (team: TeamSettings, send: () => Promise<string>) => {
    setNote(null);
    setRefusal(null);
    try {
      setNote(await send());
      if (editing !== null && editing !== 'new' && editing.id === team.id) setEditing(null);
      reloadTeams();
    } catch (error) {
      setRefusal(error);
    }
  };
  const archive = (team: TeamSettings) =>
    change(team, async () => {
      const defaultTeam = teams.isSuccess ? teams.data.items.find((candidate) => candidate.isDefault) : undefined;
      return archivedNote(await settingsApi.archiveTeam(team.id), defaultTeam);
    });
  const restore = (team: TeamSettings) =>
    change(team, async () => {
      await settingsApi.restoreTeam(team.id);
      return `${team.name} restored; it has no members until some are added again.`;
    });

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
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
      {policies.isError && <ErrorAlert error={policies.error} />}
      {editing !== null && policies.isSuccess && (
        <TeamForm
          key={editing === 'new' ? 'new' : editing.id}
          team={editing === 'new' ? null : editing}
          policies={policies.data.items}
          onSaved={(team) => {
            setNote(`${team.name} saved.`);
            setEditing(null);
            reloadTeams();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <h2 className="list-heading">Teams</h2>
      <Checkbox
        id="show-archived-teams"
        label="Show archived teams"
        checked={showArchived}
        onChange={setShowArchived}
      />
      {refusal !== null && <RefusalAlert error={refusal} />}
      {teams.isPending && <Loading label="Loading teams…" />}
      {teams.isError && <ErrorAlert error={teams.error} />}
      {teams.isSuccess && (
        <TeamTable
          teams={teams.data.items.filter((team) => showArchived || team.archivedAt === null)}
          policies={policies.isSuccess ? policies.data.items : []}
          onEdit={open}
          onArchive={archive}
          onRestore={restore}
        />
      )}
    </section>
  );
}
