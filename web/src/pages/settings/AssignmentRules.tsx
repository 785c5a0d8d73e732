// Settings → Assignment rules: which team (and skill) a new case goes to, tried top to bottom.
import { useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { useState } from 'react';
import { settingsApi } from '../../settings/api.ts';
import { useRuleMoves } from '../../settings/useRuleMoves.ts';
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
  const moves = useRuleMoves(rules.data?.items ?? null, settingsApi.changeAssignmentRule, reloadRules);

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
      {moves.error !== null && <ErrorAlert error={moves.error} />}
      {rules.isPending && <Loading label="Loading rules…" />}
      {rules.isError && <ErrorAlert error={rules.error} />}
      {rules.isSuccess && (
        <RuleList
          rules={rules.data.items}
          teams={teamList}
          busy={moves.moving}
          onMove={moves.move}
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
