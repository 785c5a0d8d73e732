// For managers, above the queues: gestures waiting for someone to approve them, oldest first, each
// linking to its case where the manager reads the conversation before deciding.
import { api } from '../api.ts';
import { casePath, describeGesture } from '../cases.ts';
import { followLink } from '../router.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import { useLoaded } from '../useLoaded.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export function PendingApprovals() {
  const [pending] = useLoaded(api.pendingGestures);
  if (pending.state === 'loading') return null;
  if (pending.state === 'failed') return <ErrorAlert error={pending.error} />;
  const items = pending.value.items;
  if (items.length === 0) return null;
  return (
    <section className="panel pending-approvals" aria-labelledby="approvals-heading" data-testid="pending-approvals">
      <h2 id="approvals-heading">
        Waiting for approval <span className="count">{items.length}</span>
      </h2>
      <ul className="approval-list">
        {items.map((gesture) => {
          const href = gesture.caseId ? casePath(gesture.caseId) : `/customers/${encodeURIComponent(gesture.customerId)}`;
          return (
            <li key={gesture.id} data-testid="pending-approval">
              <span className="approval-what">
                <strong>{describeGesture(gesture)}</strong>
                <span className="muted">
                  {' '}
                  · {gesture.reason} · asked by {gesture.issuedByName ?? 'a colleague'}{' '}
                  <span title={absoluteTime(gesture.createdAt)}>{relativeTime(gesture.createdAt)}</span>
                </span>
              </span>
              <a href={href} onClick={(event) => followLink(event, href)}>
                {gesture.caseId ? 'Open case' : 'Open customer'}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
