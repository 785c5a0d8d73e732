// One inbox queue as a table: number, subject, customer, channel, status, priority, assignee and the
// live SLA timer. The number and subject link to the case; a click anywhere on the row opens it too.
// Staff who work cases also get a checkbox per row (and "select all on this page") for bulk actions,
// and "Take it" on the cases that are not theirs.
import { useState, type CSSProperties, type MouseEvent } from 'react';
import { casePath, isActive } from '../cases.ts';
import { useCan } from '../permissions.ts';
import { useStaff } from '../staff.ts';
import { UNNAMED_CUSTOMER } from '../customer-label.ts';
import { humanize } from '../labels.ts';
import { followLink, navigate } from '../router.ts';
import type { CaseSummary } from '../api/types.ts';
import { useNow } from '../useNow.ts';
import { ChannelIcon } from './ChannelIcon.tsx';
import { CaseStatusBadge, PriorityBadge } from './CaseStatusBadge.tsx';
import { SlaTimer } from './SlaTimer.tsx';
import '../case-actions.css';
import { BulkActionBar } from './BulkActionBar.tsx';
import { TakeItButton } from './TakeItButton.tsx';

/** `onChanged`: reads the queue again after a bulk action or "Take it". */
export function CaseTable({
  cases,
  label,
  onChanged,
}: {
  cases: CaseSummary[];
  label: string;
  onChanged?: () => unknown;
}) {
  const now = useNow(1000);
  const selectable = useCan()('cases:write');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // The bar stays once opened (with its report) until cleared, even when the changed cases leave the queue.
  const [barOpen, setBarOpen] = useState(false);
  const selected = cases.filter((item) => chosen.has(item.id));
  const allChosen = cases.length > 0 && selected.length === cases.length;
  const choose = (ids: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setChosen(next);
    if (on) setBarOpen(true);
  };
  const selection = selectable ? { chosen, choose, onChanged } : null;
  return (
    <>
      {selectable && barOpen && (
        <BulkActionBar
          selected={selected}
          onClear={() => {
            setChosen(new Set());
            setBarOpen(false);
          }}
          onDone={async () => onChanged?.()}
        />
      )}
      <table className={selectable ? 'data-table case-table selectable' : 'data-table case-table'} aria-label={label}>
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="case-select">
                <input
                  type="checkbox"
                  aria-label="Select all on this page"
                  data-testid="select-all"
                  checked={allChosen}
                  ref={(box) => {
                    if (box) box.indeterminate = selected.length > 0 && !allChosen;
                  }}
                  onChange={(event) =>
                    choose(
                      cases.map((item) => item.id),
                      event.target.checked,
                    )
                  }
                />
              </th>
            )}
            <th scope="col" className="case-number" style={numberColumnWidth(cases)}>
              Case
            </th>
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
            <CaseRow key={item.id} item={item} now={now} selection={selection} />
          ))}
        </tbody>
      </table>
    </>
  );
}

interface RowSelection {
  chosen: ReadonlySet<string>;
  choose: (ids: string[], on: boolean) => void;
  onChanged?: () => unknown;
}

function CaseRow({ item, now, selection }: { item: CaseSummary; now: number; selection: RowSelection | null }) {
  const me = useStaff();
  const href = casePath(item.number);
  const open = (event: MouseEvent<HTMLTableRowElement>) => {
    // Links, buttons and the checkbox handle their own clicks; selecting text in a row should not navigate.
    if ((event.target as HTMLElement).closest('a, button, input, label') || window.getSelection()?.toString()) return;
    navigate(href);
  };
  return (
    <tr className="case-row" data-testid="case-row" data-number={item.number} onClick={open}>
      {selection && (
        <td className="case-select">
          <input
            type="checkbox"
            aria-label={`Select case #${item.number}`}
            data-testid="select-case"
            checked={selection.chosen.has(item.id)}
            onChange={(event) => selection.choose([item.id], event.target.checked)}
          />
        </td>
      )}
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
      <td className="case-assignee">
        {item.assigneeName ?? <span className="muted">Unassigned</span>}
        {selection && item.assigneeId !== me.id && isActive(item.status) && (
          <TakeItButton caseId={item.id} number={item.number} onTaken={async () => selection.onChanged?.()} />
        )}
      </td>
      <td>
        <SlaTimer sla={item.sla} now={now} />
      </td>
    </tr>
  );
}

/**
 * A case number is never cut off: the column is as wide as the longest number on the page ("#" and its
 * digits, at least six characters). Inline, so it wins over any fixed width the table's columns get:
 * 0.875em of the 12px header is a bold 14px digit with room to spare, plus the cell's padding.
 */
function numberColumnWidth(cases: CaseSummary[]): CSSProperties {
  const chars = Math.max(6, ...cases.map((item) => String(item.number).length + 1));
  return { width: `calc(${chars} * 0.875em + 30px)` };
}
