// A case's contact reason as the header shows it: a guess (by listening) is marked so, and staff who may change the
// case confirm it in one click — the confirmation is a label the company's reason model learns from.
import { useMutation } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { CaseDetail } from '../api/types.ts';
import { humanize } from '../labels.ts';
import { useCan } from '../permissions.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export function ReasonFact({ detail }: { detail: CaseDetail }) {
  const can = useCan();
  const invalidate = useInvalidate();
  const confirm = useMutation({
    mutationFn: (reason: string) => api.changeCase(detail.id, { reason }),
    onSuccess: () => invalidate(queryKeys.cases()),
  });
  if (!detail.reason) return <span className="muted">Not set</span>;
  if (detail.reasonConfirmed) return <>{humanize(detail.reason)}</>;
  const reason = detail.reason;
  return (
    <span className="reason-guess">
      {humanize(reason)} <span className="muted">(guessed)</span>
      {can('cases:write') && (
        <button
          type="button"
          className="link-button"
          disabled={confirm.isPending}
          onClick={() => confirm.mutate(reason)}
          aria-label={`Confirm the reason ${humanize(reason)}`}
        >
          Confirm
        </button>
      )}
      {confirm.error !== null && <ErrorAlert error={confirm.error} />}
    </span>
  );
}
