// The customer's open cases, compact, on their page: each links to the case with its status and SLA.
import { api } from '../api.ts';
import { ACTIVE_STATUSES, casePath } from '../cases.ts';
import { followLink } from '../router.ts';
import { useLoaded } from '../useLoaded.ts';
import { useNow } from '../useNow.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import { SlaTimer } from './SlaTimer.tsx';

export function OpenCases({ customerId }: { customerId: string }) {
  const [cases] = useLoaded(() => api.cases({ customerId, status: ACTIVE_STATUSES, limit: 10 }, null));
  const now = useNow(1000);
  return (
    <section className="panel open-cases" aria-labelledby="open-cases-heading" data-testid="open-cases">
      <h2 id="open-cases-heading">
        Open cases
        {cases.state === 'ready' && (
          <span className="count">
            {cases.value.items.length}
            {cases.value.nextCursor ? '+' : ''}
          </span>
        )}
      </h2>
      {cases.state === 'loading' && <Loading label="Loading cases…" />}
      {cases.state === 'failed' && <ErrorAlert error={cases.error} />}
      {cases.state === 'ready' && cases.value.items.length === 0 && <p className="muted">No open cases.</p>}
      {cases.state === 'ready' && cases.value.items.length > 0 && (
        <ul className="open-case-list">
          {cases.value.items.map((item) => {
            const href = casePath(item.number);
            return (
              <li key={item.id} data-testid="open-case">
                <a href={href} onClick={(event) => followLink(event, href)} className="clamp">
                  #{item.number} {item.subject}
                </a>
                <span className="open-case-meta">
                  <CaseStatusBadge status={item.status} />
                  <SlaTimer sla={item.sla} now={now} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
