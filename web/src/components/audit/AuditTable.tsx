// The audit entries, newest first: when, who, what in words (the raw action under it), to what,
// and a disclosure per entry with its input, other detail, IP address and request id.
import { Fragment, useState } from 'react';
import { followLink } from '../../router.ts';
import { describeActor, describeEntry, localTime, targetOf } from '../../audit/describe.ts';
import type { AuditEntry } from '../../audit/types.ts';
import { AuditEntryDetails } from './AuditEntryDetails.tsx';

const COLUMNS = 5;

export function AuditTable({ entries, names }: { entries: AuditEntry[]; names: ReadonlyMap<string, string> }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    setOpen(next);
  };
  return (
    <table className="data-table audit-table" aria-label="Audit entries">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Target</th>
          <th scope="col">
            <span className="visually-hidden">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const actor = describeActor(entry, names);
          const expanded = open.has(entry.id);
          const detailsId = `audit-entry-${entry.id}-details`;
          return (
            <Fragment key={entry.id}>
              <tr data-testid="audit-entry" data-entry-id={entry.id}>
                <td className="audit-when">
                  <time dateTime={entry.at} title={entry.at}>
                    {localTime(entry.at)}
                  </time>
                </td>
                <td>
                  <div>{actor.who}</div>
                  {actor.secondary && <div className="muted small-text">{actor.secondary}</div>}
                </td>
                <td>
                  <div>{describeEntry(entry)}</div>
                  <code className="small-text">{entry.action}</code>
                </td>
                <td>
                  <EntryTarget entry={entry} />
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="small"
                    aria-expanded={expanded}
                    aria-controls={expanded ? detailsId : undefined}
                    onClick={() => toggle(entry.id)}
                  >
                    Details<span className="visually-hidden"> of entry {entry.id}</span>
                  </button>
                </td>
              </tr>
              {expanded && (
                <tr className="audit-details-row" id={detailsId}>
                  <td colSpan={COLUMNS}>
                    <AuditEntryDetails entry={entry} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function EntryTarget({ entry }: { entry: AuditEntry }) {
  const { customerId, caseId, target } = targetOf(entry);
  if (!customerId && !caseId && !target) return <span className="muted">—</span>;
  return (
    <>
      {customerId && (
        <InAppLink label="Customer" to={`/customers/${encodeURIComponent(customerId)}`} text={customerId} />
      )}
      {caseId && <InAppLink label="Case" to={`/cases/${encodeURIComponent(caseId)}`} text={caseId} />}
      {target && <div className="audit-target">{target}</div>}
    </>
  );
}

function InAppLink({ label, to, text }: { label: string; to: string; text: string }) {
  return (
    <div>
      <span className="muted small-text">{label} </span>
      <a href={to} onClick={(event) => followLink(event, to)}>
        {text}
      </a>
    </div>
  );
}
