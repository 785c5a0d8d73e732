// One inbox queue as a table: number, subject, customer, channel, status, priority, assignee and the
// live SLA timer. The number and subject link to the case; a click anywhere on the row opens it too.
import type { MouseEvent } from 'react';
import { casePath } from '../cases.ts';
import { UNNAMED_CUSTOMER } from '../customer-label.ts';
import { humanize } from '../labels.ts';
import { followLink, navigate } from '../router.ts';
import type { CaseSummary } from '../types.ts';
import { useNow } from '../useNow.ts';
import { ChannelIcon } from './ChannelIcon.tsx';
import { CaseStatusBadge, PriorityBadge } from './CaseStatusBadge.tsx';
import { SlaTimer } from './SlaTimer.tsx';

export function CaseTable({ cases, label }: { cases: CaseSummary[]; label: string }) {
  const now = useNow(1000);
  return (
    <table className="data-table case-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Subject</th>
          <th scope="col">Customer</th>
          <th scope="col">Channel</th>
          <th scope="col">Status</th>
          <th scope="col">Priority</th>
          <th scope="col">Assignee</th>
          <th scope="col">SLA</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((item) => (
          <CaseRow key={item.id} item={item} now={now} />
        ))}
      </tbody>
    </table>
  );
}

function CaseRow({ item, now }: { item: CaseSummary; now: number }) {
  const href = casePath(item.number);
  const open = (event: MouseEvent<HTMLTableRowElement>) => {
    // The links handle their own clicks; selecting text in a row should not navigate.
    if ((event.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
    navigate(href);
  };
  return (
    <tr className="case-row" data-testid="case-row" data-number={item.number} onClick={open}>
      <td className="case-number">
        <a href={href} onClick={(event) => followLink(event, href)}>
          #{item.number}
        </a>
      </td>
      <td className="case-subject">
        <a href={href} onClick={(event) => followLink(event, href)} className="clamp" title={item.subject}>
          {item.subject}
        </a>
      </td>
      <td data-testid="case-customer" title={item.customerLabel ?? undefined}>
        {item.customerLabel ?? <span className="muted">{UNNAMED_CUSTOMER}</span>}
      </td>
      <td>
        <ChannelIcon channel={item.channel} label={humanize(item.channel)} />
      </td>
      <td>
        <CaseStatusBadge status={item.status} />
      </td>
      <td>
        <PriorityBadge priority={item.priority} />
      </td>
      <td>{item.assigneeName ?? <span className="muted">Unassigned</span>}</td>
      <td>
        <SlaTimer sla={item.sla} now={now} />
      </td>
    </tr>
  );
}
