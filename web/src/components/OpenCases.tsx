// The customer's open cases, compact, on their page: each links to the case with its status and SLA.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { ACTIVE_STATUSES, casePath } from '../cases.ts';
import { followLink } from '../router.ts';
import { queryKeys } from '../queries.ts';
import { useNow } from '../useNow.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import { SlaTimer } from './SlaTimer.tsx';

export function OpenCases({ customerId }: { customerId: string }) {
  const filter = { customerId, status: ACTIVE_STATUSES, limit: 10 };
  const cases = useQuery({
    queryKey: queryKeys.caseList(filter),
    queryFn: ({ signal }) => api.cases(filter, null, signal),
  });
  const now = useNow(1000);
  return (
    <section className="panel open-cases" aria-labelledby="open-cases-heading" data-testid="open-cases">
      <h2 id="open-cases-heading">
        Open cases
        {cases.data && (
          <span className="count">
            {cases.data.items.length}
            {cases.data.nextCursor ? '+' : ''}
          </span>
        )}
      </h2>
      {cases.isPending && <Loading label="Loading cases…" />}
      {cases.isError && <ErrorAlert error={cases.error} />}
      {cases.data && cases.data.items.length === 0 && <p className="muted">No open cases.</p>}
      {cases.data && cases.data.items.length > 0 && (
        <ul className="open-case-list">
          {cases.data.items.map((item) => {
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
