// Priority, assignee, reason and tags of a case, changed together; only what was changed is sent.
// The assignee list is every team's members with how many open cases each holds now.
import { useState } from 'react';
import { api } from '../api.ts';
import { describedBy } from '../forms.ts';
import { humanize } from '../labels.ts';
import { CASE_PRIORITIES, type CaseChanges, type CaseDetail, type CasePriority, type Team } from '../types.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

const FIELDS = ['priority', 'assigneeId', 'reason', 'tags'] as const;

interface Draft {
  priority: CasePriority;
  assigneeId: string;
  reason: string;
  tags: string;
}

function draftOf(detail: CaseDetail): Draft {
  return {
    priority: detail.priority,
    assigneeId: detail.assigneeId ?? '',
    reason: detail.reason ?? '',
    tags: detail.tags.join(', '),
  };
}

function tagsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

function changesBetween(detail: CaseDetail, draft: Draft): CaseChanges {
  const changes: CaseChanges = {};
  if (draft.priority !== detail.priority) changes.priority = draft.priority;
  if ((draft.assigneeId || null) !== detail.assigneeId) changes.assigneeId = draft.assigneeId || null;
  if ((draft.reason.trim() || null) !== detail.reason) changes.reason = draft.reason.trim() || null;
  const tags = tagsOf(draft.tags);
  if (tags.join('\n') !== detail.tags.join('\n')) changes.tags = tags;
  return changes;
}

interface DetailsProps {
  detail: CaseDetail;
  teams: Team[];
  onChanged: () => Promise<void>;
}

export function CaseDetailsForm(props: DetailsProps) {
  return (
    <details className="card-edit case-edit">
      <summary>Change priority, assignee, reason or tags</summary>
      {/* A change from anywhere (a status move, a reply) starts the form again from the case as it is now. */}
      <DetailsForm key={props.detail.updatedAt} {...props} />
    </details>
  );
}

function DetailsForm({ detail, teams, onChanged }: DetailsProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(detail));
  const edit = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const changes = changesBetween(detail, draft);
  const changed = Object.keys(changes).length > 0;
  const { submit, saving, problem } = useFormSubmit(FIELDS, async () => {
    if (!changed) return;
    await api.changeCase(detail.id, changes);
    await onChanged();
  });
  const { byField } = problem;
  const listed = new Set(teams.flatMap((team) => (team.members ?? []).map((member) => member.id)));

  return (
    <form onSubmit={submit} noValidate aria-label="Case details">
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      <div className="form-row">
        <Field id="case-priority" label="Priority" error={byField.priority}>
          <select
            {...describedBy('case-priority', byField.priority)}
            value={draft.priority}
            onChange={(event) => edit({ priority: event.target.value as CasePriority })}
          >
            {CASE_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {humanize(priority)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="case-assignee" label="Assignee" error={byField.assigneeId}>
          <select
            {...describedBy('case-assignee', byField.assigneeId)}
            value={draft.assigneeId}
            onChange={(event) => edit({ assigneeId: event.target.value })}
          >
            <option value="">Unassigned</option>
            {detail.assigneeId && !listed.has(detail.assigneeId) && (
              <option value={detail.assigneeId}>{detail.assigneeName ?? detail.assigneeId}</option>
            )}
            {teams
              .filter((team) => (team.members ?? []).length > 0)
              .map((team) => (
                <optgroup key={team.id} label={team.name}>
                  {(team.members ?? []).map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.name} · {member.load} open{member.available ? '' : ' · away'}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field id="case-reason" label="Reason" error={byField.reason} hint="e.g. refund, delivery">
          <input
            {...describedBy('case-reason', byField.reason)}
            value={draft.reason}
            onChange={(event) => edit({ reason: event.target.value })}
          />
        </Field>
        <Field id="case-tags" label="Tags" error={byField.tags} hint="Separated by commas">
          <input
            {...describedBy('case-tags', byField.tags)}
            value={draft.tags}
            onChange={(event) => edit({ tags: event.target.value })}
          />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={saving || !changed}>
        {saving ? 'Saving…' : 'Save changes'}
      </button>
    </form>
  );
}
