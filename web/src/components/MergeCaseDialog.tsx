// "Merge into…": pick one of the customer's other open cases, confirm, and this case's conversation
// and history move there while this case is closed pointing to it. The merge can be undone.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { caseActions, type CaseMerge } from '../case-actions.ts';
import { ACTIVE_STATUSES } from '../cases.ts';
import { humanize } from '../labels.ts';
import { relativeTime } from '../time.ts';
import type { CaseDetail, CaseSummary } from '../types.ts';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import '../case-actions.css';

interface MergeCaseDialogProps {
  detail: CaseDetail;
  /** Called once the dialog has closed, with the merge when one was made. */
  onClose: (merged: CaseMerge | null) => void;
}

type Others = { state: 'loading' } | { state: 'ready'; items: CaseSummary[] } | { state: 'failed'; error: unknown };

export function MergeCaseDialog({ detail, onClose }: MergeCaseDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [others, setOthers] = useState<Others>({ state: 'loading' });
  const [intoId, setIntoId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const merged = useRef<CaseMerge | null>(null);

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

  const into = others.state === 'ready' ? others.items.find((item) => item.id === intoId) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!into) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setWorking(true);
    setError(null);
    try {
      merged.current = await caseActions.merge(detail.id, into.id);
      dialog.current?.close();
    } catch (failure) {
      setError(failure);
      setConfirming(false);
    } finally {
      setWorking(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog merge-dialog"
      aria-labelledby="merge-heading"
      onClose={() => onClose(merged.current)}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="merge-heading">Merge #{detail.number} into…</h2>
        <p className="muted">
          Another open case of this customer about the same matter. Its conversation and history move there, and #
          {detail.number} is closed pointing to it.
        </p>
        {error !== null && <ErrorAlert error={error} />}
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
                      name="merge-into"
                      value={item.id}
                      checked={intoId === item.id}
                      onChange={() => {
                        setIntoId(item.id);
                        setConfirming(false);
                      }}
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
