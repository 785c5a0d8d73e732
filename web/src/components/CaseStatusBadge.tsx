// Status and priority as small coloured pills, the same in the inbox, the case page and the customer page.
import { humanize } from '../labels.ts';

export function CaseStatusBadge({ status }: { status: string }) {
  return (
    <span className={`status case-status case-status-${status}`} data-testid="case-status">
      {humanize(status)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  return (
    <span className={`priority priority-${priority}`} data-testid="case-priority">
      {humanize(priority)}
    </span>
  );
}
