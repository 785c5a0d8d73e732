// Settings → Assignment rules: which team (and skill) a new case goes to, tried top to bottom.
import { useMutation, useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { useState } from 'react';
import { settingsApi } from '../../settings/api.ts';
import { moveRule } from '../../settings/rule-writes.ts';
import type { AssignmentRule } from '../../settings/types.ts';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';
import { RuleForm } from '../../components/settings/RuleForm.tsx';
import { RuleList } from '../../components/settings/RuleList.tsx';

export function AssignmentRules() {
  const invalidate = useInvalidate();
  const rules = useQuery({ queryKey: queryKeys.assignmentRules(), queryFn: () => settingsApi.assignmentRules() });
  const reloadRules = () => void invalidate(queryKeys.assignmentRules());
  const teams = useQuery({ queryKey: queryKeys.teams(false), queryFn: () => settingsApi.teams() });
  const [editing, setEditing] = useState<AssignmentRule | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: ({ items, index, offset }: { items: AssignmentRule[]; index: number; offset: -1 | 1 }) =>
      moveRule(items, index, offset).finally(reloadRules),
  });
  // After a move the rules have new ids: the order buttons wait until the list is read again.
  const [movedFrom, setMovedFrom] = useState<AssignmentRule[] | null>(null);
  const listed = rules.isSuccess ? rules.data.items : null;
  const moving = move.isPending || (movedFrom !== null && movedFrom === listed);

  const open = (rule: AssignmentRule | 'new') => {
    setSaved(null);
    setEditing(rule);
    window.scrollTo({ top: 0 });
  };

  const teamList = teams.isSuccess ? teams.data.items : [];
  return (
    <section className="page settings-page">
      <div className="page-bar">
        <h1>Assignment rules</h1>
        {editing === null && (
          <button type="button" className="primary" onClick={() => open('new')}>
            New rule
          </button>
        )}
      </div>
      <p className="lead muted">
        A new case goes to the team of the first rule it matches, then to the available member of that team (with the
        skill, if one is asked for) who has the fewest open cases. No match: the default team.
      </p>
      {saved && (
        <p className="note" role="status">
          {saved}
        </p>
      )}
      {teams.isError && <ErrorAlert error={teams.error} />}
      {editing !== null && teams.isSuccess && (
        <RuleForm
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          teams={teamList}
          onSaved={(rule) => {
            setSaved(`${rule.name} saved.`);
            setEditing(null);
            reloadRules();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <h2 className="list-heading">Rules, in the order they are tried</h2>
      {move.error !== null && <ErrorAlert error={move.error} />}
      {rules.isPending && <Loading label="Loading rules…" />}
      {rules.isError && <ErrorAlert error={rules.error} />}
      {rules.isSuccess && (
        <RuleList
          rules={rules.data.items}
          teams={teamList}
          busy={moving}
          // A move is saved rule by rule; whatever happened, the list is read again from the server.
          onMove={(index, offset) => {
            setMovedFrom(rules.data.items);
            move.mutate({ items: rules.data.items, index, offset });
          }}
          onEdit={open}
          onDelete={async (rule) => {
            await settingsApi.deleteAssignmentRule(rule.id);
            if (editing !== null && editing !== 'new' && editing.id === rule.id) setEditing(null);
            reloadRules();
          }}
        />
      )}
    </section>
  );
}
