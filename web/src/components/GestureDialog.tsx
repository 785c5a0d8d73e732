// A service-recovery gesture (credit, refund, replacement, gift, hand-written note) for this case.
// Within the agent's empowerment limit it is issued at once; above it, it waits for a manager, and the
// dialog says which happened before the agent closes it.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { describeGesture as describe, formatMoney } from '../cases.ts';
import { describedBy } from '../forms.ts';
import { humanize } from '../labels.ts';
import { useStaff } from '../staff.ts';
import { GESTURE_KINDS, type CaseDetail, type Gesture, type GestureKind } from '../types.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

const FIELDS = ['kind', 'amount', 'currency', 'reason'] as const;

interface GestureDialogProps {
  detail: CaseDetail;
  /** Called once the dialog has closed; `issued` says whether anything was recorded, to reload the case. */
  onClose: (issued: boolean) => void;
}

export function GestureDialog({ detail, onClose }: GestureDialogProps) {
  const me = useStaff();
  const limit = me.empowermentLimit;
  const dialog = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<GestureKind>('credit');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(limit?.currency ?? 'USD');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<Gesture | null>(null);

  useEffect(() => dialog.current?.showModal(), []);

  const { submit, saving, problem } = useFormSubmit(FIELDS, async () => {
    const value = amount.trim() === '' ? 0 : Number(amount);
    setResult(
      await api.issueGesture(detail.id, {
        kind,
        amount: value,
        currency: currency.trim().toUpperCase(),
        reason: reason.trim(),
      }),
    );
  });
  const { byField } = problem;

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
            <button type="button" className="primary" autoFocus onClick={() => dialog.current?.close()}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <h2 id="gesture-heading">Offer a gesture</h2>
          <p className="muted">
            For case #{detail.number}
            {detail.customerName ? ` (${detail.customerName})` : ''}.{' '}
            {limit &&
              `You may give up to ${formatMoney(limit.amount, limit.currency)} a gesture without approval, within your totals per case and per day; above that a manager decides.`}
          </p>
          {problem.general !== null && <ErrorAlert error={problem.general} />}
          <Field id="gesture-kind" label="Kind" error={byField.kind}>
            <select
              {...describedBy('gesture-kind', byField.kind)}
              value={kind}
              onChange={(event) => setKind(event.target.value as GestureKind)}
            >
              {GESTURE_KINDS.map((option) => (
                <option key={option} value={option}>
                  {option === 'note' ? 'Hand-written note' : humanize(option)}
                </option>
              ))}
            </select>
          </Field>
          <div className="form-row">
            <Field id="gesture-amount" label="Amount" error={byField.amount}>
              <input
                {...describedBy('gesture-amount', byField.amount)}
                type="number"
                min="0"
                step="0.01"
                inputMode="decimal"
                value={amount}
                onChange={(event) => setAmount(event.target.value)}
              />
            </Field>
            <Field id="gesture-currency" label="Currency" error={byField.currency}>
              <input
                {...describedBy('gesture-currency', byField.currency)}
                maxLength={3}
                autoComplete="off"
                value={currency}
                onChange={(event) => setCurrency(event.target.value)}
              />
            </Field>
          </div>
          <Field
            id="gesture-reason"
            label="Reason"
            error={byField.reason}
            hint="Recorded on the customer; say what went wrong."
          >
            <input
              {...describedBy('gesture-reason', byField.reason)}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </Field>
          <div className="dialog-buttons">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={saving}>
              {saving ? 'Issuing…' : 'Issue gesture'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
