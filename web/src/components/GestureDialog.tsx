// A service-recovery gesture (credit, refund, replacement, gift, hand-written note) for this case.
// Within the agent's empowerment limit it is issued at once; above it, it waits for a manager, and the
// dialog says which happened before the agent closes it.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { api } from '../api.ts';
import { describeGesture as describe, formatMoney } from '../cases.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { humanize } from '../labels.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { useStaff } from '../staff.ts';
import { GESTURE_KINDS } from '../choices.ts';
import type { CaseDetail, Gesture } from '../api/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

// The gesture as the API takes it. Whether the amount suits the kind (a note is free), the currency's form and
// the reason being given are the server's rules, refused beside their fields.
const gestureSchema = z.object({
  kind: z.enum(GESTURE_KINDS),
  amount: z.string().transform((amount) => (amount.trim() === '' ? 0 : Number(amount))),
  currency: z.string().transform((currency) => currency.trim().toUpperCase()),
  reason: z.string().transform((reason) => reason.trim()),
});

interface GestureDialogProps {
  detail: CaseDetail;
  /** Called once the dialog has closed; `issued` says whether anything was recorded, to reload the case. */
  onClose: (issued: boolean) => void;
}

export function GestureDialog({ detail, onClose }: GestureDialogProps) {
  const me = useStaff();
  const limit = me.empowermentLimit;
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useZodForm(gestureSchema, {
    defaultValues: { kind: 'credit', amount: '', currency: limit?.currency ?? 'USD', reason: '' },
    fields: ['kind', 'amount', 'currency', 'reason'],
  });
  const invalidate = useInvalidate();
  const issue = useMutation({
    mutationFn: (gesture: z.output<typeof gestureSchema>) => api.issueGesture(detail.id, gesture),
    onSuccess: () => invalidate(queryKeys.gestures()),
  });
  const [result, setResult] = useState<Gesture | null>(null);

  useEffect(() => dialog.current?.showModal(), []);

  return (
    <dialog
      ref={dialog}
      className="dialog gesture-dialog"
      aria-labelledby="gesture-heading"
      onClose={() => onClose(result !== null)}
    >
      {result ? (
        <div>
          <h2 id="gesture-heading">{result.status === 'pending' ? 'Waiting for approval' : 'Gesture issued'}</h2>
          <p
            className={result.status === 'pending' ? 'gesture-result pending' : 'gesture-result issued'}
            role="status"
            data-testid="gesture-result"
            data-status={result.status}
          >
            {result.status === 'pending' ? (
              <>
                Waiting for a manager’s approval: {describe(result)}{' '}
                {result.pendingReason === 'case_limit'
                  ? 'would take this case’s gestures above your limit per case.'
                  : result.pendingReason === 'day_limit'
                    ? 'would take your gestures today above your limit per day.'
                    : `is above your limit${limit && limit.currency === result.currency ? ` of ${formatMoney(limit.amount, limit.currency)}` : ` in ${result.currency}`}.`}
              </>
            ) : (
              <>Issued: {describe(result)}. It is on the case and the customer’s record.</>
            )}
          </p>
          <div className="dialog-buttons">
            <button
              type="button"
              className="primary"
              // biome-ignore lint/a11y/noAutofocus: the answer replaces the form; Done is the one thing left to do.
              autoFocus
              onClick={() => dialog.current?.close()}
            >
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={form.submitWith(async (gesture) => setResult(await issue.mutateAsync(gesture)))} noValidate>
          <h2 id="gesture-heading">Offer a gesture</h2>
          <p className="muted">
            For case #{detail.number}
            {detail.customerName ? ` (${detail.customerName})` : ''}.{' '}
            {limit &&
              `You may give up to ${formatMoney(limit.amount, limit.currency)} a gesture without approval, within your totals per case and per day; above that a manager decides.`}
          </p>
          {form.general !== null && <ErrorAlert error={form.general} />}
          <Field id="gesture-kind" label="Kind" error={form.errorOf('kind')}>
            <select {...form.input('kind', 'gesture-kind')}>
              {GESTURE_KINDS.map((option) => (
                <option key={option} value={option}>
                  {option === 'note' ? 'Hand-written note' : humanize(option)}
                </option>
              ))}
            </select>
          </Field>
          <div className="form-row">
            <Field id="gesture-amount" label="Amount" error={form.errorOf('amount')}>
              <input
                {...form.input('amount', 'gesture-amount')}
                type="number"
                min="0"
                step="0.01"
                inputMode="decimal"
              />
            </Field>
            <Field id="gesture-currency" label="Currency" error={form.errorOf('currency')}>
              <input {...form.input('currency', 'gesture-currency')} maxLength={3} autoComplete="off" />
            </Field>
          </div>
          <Field
            id="gesture-reason"
            label="Reason"
            error={form.errorOf('reason')}
            hint="Recorded on the customer; say what went wrong."
          >
            <input {...form.input('reason', 'gesture-reason')} />
          </Field>
          <div className="dialog-buttons">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={form.saving}>
              {form.saving ? 'Issuing…' : 'Issue gesture'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
