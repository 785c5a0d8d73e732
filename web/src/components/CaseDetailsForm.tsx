// Priority, assignee, reason and tags of a case, changed together; only what was changed is sent.
// The assignee list is every team's members with how many open cases each holds now.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../api.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { humanize } from '../labels.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { CASE_PRIORITIES } from '../choices.ts';
import type { CaseChanges, CaseDetail, Team } from '../api/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

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

// What the boxes hold as the API names it; a reason's and a tag's form are the server's rules, named on their field.
const detailsSchema = z.object({
  priority: z.enum(CASE_PRIORITIES),
  assigneeId: z.string().transform((id) => id || null),
  reason: z.string().transform((reason) => reason.trim() || null),
  tags: z.string().transform(tagsOf),
});
type Details = z.output<typeof detailsSchema>;

function valuesOf(detail: CaseDetail): z.input<typeof detailsSchema> {
  return {
    priority: detail.priority,
    assigneeId: detail.assigneeId ?? '',
    reason: detail.reason ?? '',
    tags: detail.tags.join(', '),
  };
}

function changesBetween(detail: CaseDetail, details: Details): CaseChanges {
  const changes: CaseChanges = {};
  if (details.priority !== detail.priority) changes.priority = details.priority;
  if (details.assigneeId !== detail.assigneeId) changes.assigneeId = details.assigneeId;
  if (details.reason !== detail.reason) changes.reason = details.reason;
  if (details.tags.join('\n') !== detail.tags.join('\n')) changes.tags = details.tags;
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
  const form = useZodForm(detailsSchema, {
    defaultValues: valuesOf(detail),
    fields: ['priority', 'assigneeId', 'reason', 'tags'],
  });
  const invalidate = useInvalidate();
  const change = useMutation({
    mutationFn: (changes: CaseChanges) => api.changeCase(detail.id, changes),
    onSuccess: () => invalidate(queryKeys.cases()),
  });
  const typed = detailsSchema.safeParse(form.watch());
  const changed = typed.success && Object.keys(changesBetween(detail, typed.data)).length > 0;
  const listed = new Set(teams.flatMap((team) => (team.members ?? []).map((member) => member.id)));
  const save = async (details: Details) => {
    const changes = changesBetween(detail, details);
    if (Object.keys(changes).length === 0) return;
    await change.mutateAsync(changes);
    await onChanged();
  };

  return (
    <form onSubmit={form.submitWith(save)} noValidate aria-label="Case details">
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="form-row">
        <Field id="case-priority" label="Priority" error={form.errorOf('priority')}>
          <select {...form.input('priority', 'case-priority')}>
            {CASE_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {humanize(priority)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="case-assignee" label="Assignee" error={form.errorOf('assigneeId')}>
          <select {...form.input('assigneeId', 'case-assignee')}>
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
        <Field id="case-reason" label="Reason" error={form.errorOf('reason')} hint="e.g. refund, delivery">
          <input {...form.input('reason', 'case-reason')} />
        </Field>
        <Field id="case-tags" label="Tags" error={form.errorOf('tags')} hint="Separated by commas">
          <input {...form.input('tags', 'case-tags')} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={form.saving || !changed}>
        {form.saving ? 'Saving…' : 'Save changes'}
      </button>
    </form>
  );
}
