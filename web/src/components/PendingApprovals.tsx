// For managers, above the queues: gestures waiting for someone to approve them, oldest first, each
// naming its case and customer and linking to the case, where the manager reads the conversation
// before deciding. The list refreshes itself with the queues.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { casePath, describeGesture } from '../cases.ts';
import { UNNAMED_CUSTOMER } from '../customer-label.ts';
import { followLink } from '../router.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { PendingGesture } from '../api/types.ts';
import { useLiveQueries } from '../live.ts';
import { queryKeys } from '../queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export function PendingApprovals() {
  const pending = useQuery({ queryKey: queryKeys.pendingGestures(), queryFn: () => api.pendingGestures() });
  useLiveQueries(queryKeys.pendingGestures());
  if (pending.data === undefined) return pending.error !== null ? <ErrorAlert error={pending.error} /> : null;
  const items = pending.data.items;
  if (items.length === 0) return null;
  return (
    <section className="panel pending-approvals" aria-labelledby="approvals-heading" data-testid="pending-approvals">
      <h2 id="approvals-heading">
        Waiting for approval <span className="count">{items.length}</span>
      </h2>
      <ul className="approval-list">
        {items.map((gesture) => (
          <PendingItem key={gesture.id} gesture={gesture} />
        ))}
      </ul>
    </section>
  );
}

function PendingItem({ gesture }: { gesture: PendingGesture }) {
  const customerHref = `/customers/${encodeURIComponent(gesture.customerId)}`;
  const caseHref =
    gesture.caseNumber !== null ? casePath(gesture.caseNumber) : gesture.caseId ? casePath(gesture.caseId) : null;
  const customer = gesture.customerLabel ?? UNNAMED_CUSTOMER;
  return (
    <li data-testid="pending-approval">
      <span className="approval-what">
        <span>
          <strong>{describeGesture(gesture)}</strong>
          <span className="muted">
            {' '}
            · {gesture.reason} · asked by {gesture.issuedByName ?? 'a colleague'}{' '}
            <span title={absoluteTime(gesture.createdAt)}>{relativeTime(gesture.createdAt)}</span>
          </span>
        </span>
        <span className="approval-for">
          {caseHref ? (
            <a
              href={caseHref}
              onClick={(event) => followLink(event, caseHref)}
              data-testid="approval-case"
              title={gesture.caseSubject ?? undefined}
            >
              {gesture.caseNumber !== null ? `#${gesture.caseNumber}` : 'Case'}
              {gesture.caseSubject ? ` ${gesture.caseSubject}` : ''}
            </a>
          ) : (
            <span className="muted">No case</span>
          )}
          {' · '}
          <a href={customerHref} onClick={(event) => followLink(event, customerHref)} data-testid="approval-customer">
            {customer}
          </a>
        </span>
      </span>
      {caseHref && (
        <a href={caseHref} onClick={(event) => followLink(event, caseHref)} className="approval-open">
          Open case
        </a>
      )}
    </li>
  );
}
