// "Merge into…": pick one of the customer's other open cases, confirm, and this case's conversation
// and history move there while this case is closed pointing to it. The merge can be undone.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { api } from '../api.ts';
import { caseActions, type CaseMerge } from '../case-actions.ts';
import { ACTIVE_STATUSES } from '../cases.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { humanize } from '../labels.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { relativeTime } from '../time.ts';
import type { CaseDetail, CaseSummary } from '../api/types.ts';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import '../case-actions.css';

interface MergeCaseDialogProps {
  detail: CaseDetail;
  /** Called once the dialog has closed, with the merge when one was made. */
  onClose: (merged: CaseMerge | null) => void;
}

// The case to merge into; the button waits for one to be picked, and the server decides whether it may be.
const mergeSchema = z.object({ intoId: z.string() });

type Others = { state: 'loading' } | { state: 'ready'; items: CaseSummary[] } | { state: 'failed'; error: unknown };

export function MergeCaseDialog({ detail, onClose }: MergeCaseDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [others, setOthers] = useState<Others>({ state: 'loading' });
  const form = useZodForm(mergeSchema, { defaultValues: { intoId: '' } });
  const [confirming, setConfirming] = useState(false);
  const merged = useRef<CaseMerge | null>(null);
  const invalidate = useInvalidate();
  const merge = useMutation({
    mutationFn: (intoId: string) => caseActions.merge(detail.id, intoId),
    onSuccess: () => invalidate(queryKeys.cases()),
  });
  const working = form.saving;

  useEffect(() => dialog.current?.showModal(), []);
  useEffect(() => {
    // Her other open cases, her merged profiles' included (the API lists by customer that way).
    const controller = new AbortController();
    api.cases({ customerId: detail.customerId, status: ACTIVE_STATUSES, limit: 100 }, null, controller.signal).then(
      (page) => setOthers({ state: 'ready', items: page.items.filter((item) => item.id !== detail.id) }),
      (failure: unknown) => {
        if (!controller.signal.aborted) setOthers({ state: 'failed', error: failure });
      },
    );
    return () => controller.abort();
  }, [detail.id, detail.customerId]);

  const intoId = form.watch('intoId');
  const into = others.state === 'ready' ? others.items.find((item) => item.id === intoId) : undefined;

  // The first press asks, the second merges.
  const submit = async () => {
    if (!into) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    try {
      merged.current = await merge.mutateAsync(into.id);
      dialog.current?.close();
    } catch (failure) {
      setConfirming(false);
      throw failure;
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog merge-dialog"
      aria-labelledby="merge-heading"
      onClose={() => onClose(merged.current)}
    >
      <form onSubmit={form.submitWith(submit)} noValidate>
        <h2 id="merge-heading">Merge #{detail.number} into…</h2>
        <p className="muted">
          Another open case of this customer about the same matter. Its conversation and history move there, and #
          {detail.number} is closed pointing to it.
        </p>
        {form.general !== null && <ErrorAlert error={form.general} />}
        {others.state === 'loading' && <Loading label="Loading the customer’s open cases…" />}
        {others.state === 'failed' && <ErrorAlert error={others.error} />}
        {others.state === 'ready' && others.items.length === 0 && (
          <p className="empty-state">This customer has no other open case to merge into.</p>
        )}
        {others.state === 'ready' && others.items.length > 0 && (
          <fieldset className="plain-fieldset" disabled={working}>
            <legend>Open cases of this customer</legend>
            <ul className="merge-choices">
              {others.items.map((item) => (
                <li key={item.id}>
                  <label>
                    <input
                      type="radio"
                      value={item.id}
                      {...form.register('intoId', { onChange: () => setConfirming(false) })}
                    />
                    <span>
                      <strong>#{item.number}</strong> {item.subject}{' '}
                      <span className="muted">
                        · {humanize(item.channel)} · {humanize(item.status)} · opened {relativeTime(item.openedAt)}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {confirming && into && (
          <p className="note" role="status" data-testid="merge-confirm">
            Merge #{detail.number} into #{into.number}? You can undo it afterwards.
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()} disabled={working}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!into || working}>
            {working ? 'Merging…' : confirming && into ? `Merge into #${into.number}` : 'Continue'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
