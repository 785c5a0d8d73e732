// One search result: who the customer is, how to reach them, and when we last heard from them.
import { followLink } from '../router.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { CustomerSummary } from '../types.ts';

export function CustomerRow({ customer }: { customer: CustomerSummary }) {
  const href = `/customers/${encodeURIComponent(customer.id)}`;
  const contact = [customer.email, customer.phone].filter(Boolean).join(' · ');
  return (
    <li>
      <a className="result-row" data-testid="search-result" href={href} onClick={(event) => followLink(event, href)}>
        <span className="avatar large" aria-hidden="true">
          {(customer.name ?? customer.email ?? '?').charAt(0).toUpperCase()}
        </span>
        <span className="result-main">
          <span className="result-name">{customer.name ?? 'Unnamed customer'}</span>
          <span className="muted">{contact || customer.id}</span>
        </span>
        <span className="result-meta">
          <span title={absoluteTime(customer.lastSeenAt)}>Last seen {relativeTime(customer.lastSeenAt)}</span>
          <span className="muted">
            {customer.interactionCount} {customer.interactionCount === 1 ? 'interaction' : 'interactions'}
          </span>
        </span>
      </a>
    </li>
  );
}
