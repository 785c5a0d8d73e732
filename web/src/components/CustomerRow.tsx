// One search result: who the customer is, how to reach them, and when we last heard from them.
import { followLink } from '../router.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { CustomerSummary } from '../api/types.ts';
import { UNNAMED_CUSTOMER } from '../customer-label.ts';

export function CustomerRow({ customer }: { customer: CustomerSummary }) {
  const href = `/customers/${encodeURIComponent(customer.id)}`;
  const contact = [customer.email, customer.phone, customer.handle].filter(Boolean).join(' · ');
  // Name, else how we reach them: a customer who only ever posted is still told apart.
  const label =
    customer.name ?? customer.email ?? customer.handle ?? customer.phone ?? customer.externalId ?? UNNAMED_CUSTOMER;
  return (
    <li>
      <a className="result-row" data-testid="search-result" href={href} onClick={(event) => followLink(event, href)}>
        <span className="avatar large" aria-hidden="true">
          {label.replace(/^@/, '').charAt(0).toUpperCase()}
        </span>
        <span className="result-main">
          <span className="result-name">{label}</span>
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
