// What to do with the cases selected in a queue: assign (to a person or a team), set status or
// priority, add or remove a tag, close. Each case is changed on its own by the server's rules; the
// bar says how many changed and why any refused.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { caseActions, type BulkAction } from '../case-actions.ts';
import { humanize } from '../labels.ts';
import type { CasePriority, CaseStatus, CaseSummary } from '../api/types.ts';
import { CASE_PRIORITIES, CASE_STATUSES } from '../choices.ts';
import { queryKeys } from '../queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import '../case-actions.css';

type Kind = 'assign' | 'setStatus' | 'setPriority' | 'addTag' | 'removeTag' | 'close';

const KINDS: Array<{ kind: Kind; label: string }> = [
  { kind: 'assign', label: 'Assign to' },
  { kind: 'setStatus', label: 'Set status' },
  { kind: 'setPriority', label: 'Set priority' },
  { kind: 'addTag', label: 'Add tag' },
  { kind: 'removeTag', label: 'Remove tag' },
  { kind: 'close', label: 'Close' },
];

/** The assignee choice: `me`, `none` (unassigned), `staff:ID` or `team:ID`. */
function assignAction(choice: string): BulkAction {
  if (choice === 'none') return { type: 'assign', assigneeId: null };
  if (choice.startsWith('team:')) return { type: 'assignTeam', teamId: choice.slice(5) };
  return { type: 'assign', assigneeId: choice === 'me' ? 'me' : choice.slice(6) };
}

interface BulkActionBarProps {
  /** The selected cases, as shown on the page. */
  selected: CaseSummary[];
  onClear: () => void;
  /** Called after the action ran, to read the queue again. */
  onDone: () => unknown;
}

export function BulkActionBar({ selected, onClear, onDone }: BulkActionBarProps) {
  const [kind, setKind] = useState<Kind>('assign');
  const [assignee, setAssignee] = useState('me');
  const [status, setStatus] = useState<CaseStatus>('pending');
  const [priority, setPriority] = useState<CasePriority>('high');
  const [tag, setTag] = useState('');
  const teams = useQuery({ queryKey: queryKeys.teams(false), queryFn: () => api.teams() }).data?.items ?? [];
  const bulk = useMutation({
    mutationFn: (change: BulkAction) =>
      caseActions.bulk(
        selected.map((item) => item.id),
        change,
      ),
    onSuccess: () => onDone(),
  });
  const report = bulk.data ?? null;
  const busy = bulk.isPending;
  // Labels point at their control (not wrap it), so each control's name is its label alone.
  const id = useId();

  const action = (): BulkAction | null => {
    if (kind === 'assign') return assignAction(assignee);
    if (kind === 'setStatus') return { type: 'setStatus', status };
    if (kind === 'setPriority') return { type: 'setPriority', priority };
    if (kind === 'close') return { type: 'close' };
    return tag.trim() ? { type: kind, tag: tag.trim() } : null;
  };
  const chosen = action();
  const count = selected.length;
  const numbers = new Map(selected.map((item) => [item.id, item.number]));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    bulk.mutate(chosen);
  };

  return (
    <section className="bulk-bar" aria-label="Bulk actions" data-testid="bulk-bar">
      <form className="bulk-form" onSubmit={apply}>
        <span className="bulk-count" aria-live="polite">
          {count === 1 ? '1 case selected' : `${count} cases selected`}
        </span>
        <span className="bulk-field">
          <label htmlFor={`${id}-action`}>Action</label>
          <select id={`${id}-action`} value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            {KINDS.map((option) => (
              <option key={option.kind} value={option.kind}>
                {option.label}
              </option>
            ))}
          </select>
        </span>
        {kind === 'assign' && (
          <span className="bulk-field">
            <label htmlFor={`${id}-assignee`}>Assignee</label>
            <select id={`${id}-assignee`} value={assignee} onChange={(event) => setAssignee(event.target.value)}>
              <option value="me">Me</option>
              <option value="none">Unassigned</option>
              {teams.map((team) => (
                <optgroup key={team.id} label={team.name}>
                  <option value={`team:${team.id}`}>Team {team.name}</option>
                  {(team.members ?? []).map((member) => (
                    <option key={member.id} value={`staff:${member.id}`}>
                      {member.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </span>
        )}
        {kind === 'setStatus' && (
          <span className="bulk-field">
            <label htmlFor={`${id}-status`}>Status</label>
            <select
              id={`${id}-status`}
              value={status}
              onChange={(event) => setStatus(event.target.value as CaseStatus)}
            >
              {CASE_STATUSES.map((option) => (
                <option key={option} value={option}>
                  {humanize(option)}
                </option>
              ))}
            </select>
          </span>
        )}
        {kind === 'setPriority' && (
          <span className="bulk-field">
            <label htmlFor={`${id}-priority`}>Priority</label>
            <select
              id={`${id}-priority`}
              value={priority}
              onChange={(event) => setPriority(event.target.value as CasePriority)}
            >
              {CASE_PRIORITIES.map((option) => (
                <option key={option} value={option}>
                  {humanize(option)}
                </option>
              ))}
            </select>
          </span>
        )}
        {(kind === 'addTag' || kind === 'removeTag') && (
          <span className="bulk-field">
            <label htmlFor={`${id}-tag`}>Tag</label>
            <input id={`${id}-tag`} value={tag} maxLength={50} onChange={(event) => setTag(event.target.value)} />
          </span>
        )}
        <button type="submit" className="primary small" disabled={busy || !chosen}>
          {busy ? 'Applying…' : 'Apply'}
        </button>
        <button type="button" className="small" onClick={onClear}>
          Clear selection
        </button>
      </form>
      {bulk.isError && <ErrorAlert error={bulk.error} />}
      {report && (
        <div className="bulk-report" role="status" data-testid="bulk-report">
          <p>
            {report.applied === 1 ? '1 case changed' : `${report.applied} cases changed`}
            {report.refused > 0 && `, ${report.refused} refused:`}
          </p>
          {report.refused > 0 && (
            <ul>
              {report.results.flatMap((result) =>
                result.ok
                  ? []
                  : [
                      <li key={result.id}>
                        #{numbers.get(result.id) ?? result.id}: {result.reason}
                      </li>,
                    ],
              )}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
