// Settings → Audit log: who saw or changed customer data and settings, newest first, filtered by customer,
// staff member or action; the filters are in the address so a view can be shared as a link.
import { placeProblem } from '../forms/problem.ts';
import { navigate, useLocation } from '../router.ts';
import { auditPagePath, FILTER_FIELDS, filtersFrom, hasFilters, pageSizeFrom } from '../audit/filters.ts';
import { useAuditLog, type AuditLogState } from '../audit/useAuditLog.ts';
import { useStaffNames } from '../audit/useStaffNames.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { AuditFilterForm } from '../components/audit/AuditFilterForm.tsx';
import { AuditTable } from '../components/audit/AuditTable.tsx';

export function AuditLog() {
  const { search } = useLocation();
  const filters = filtersFrom(search);
  const pageSize = pageSizeFrom(search);
  const { log, loadOlder } = useAuditLog(filters, pageSize);
  const names = useStaffNames();
  // A refused filter (an action not shaped like `team.archived`) is shown beside its box; anything else above the list.
  const problem = log.state === 'failed' ? placeProblem(log.error, { fields: FILTER_FIELDS }) : null;

  return (
    <section className="page settings-page wide">
      <h1>Audit log</h1>
      <p className="lead muted">
        Who saw or changed customer data and settings, and from where, newest first. Secrets such as passwords are never
        recorded.
      </p>
      <AuditFilterForm
        applied={filters}
        byField={problem?.byField ?? {}}
        onApply={(next) => navigate(auditPagePath(next, pageSize))}
      />
      {log.state === 'loading' && <Loading label="Loading the audit log…" />}
      {problem !== null && problem.general !== null && <ErrorAlert error={problem.general} />}
      {log.state === 'ready' && (
        <Entries log={log} filtered={hasFilters(filters)} names={names} onLoadOlder={loadOlder} />
      )}
    </section>
  );
}

interface EntriesProps {
  log: Extract<AuditLogState, { state: 'ready' }>;
  filtered: boolean;
  names: ReadonlyMap<string, string>;
  onLoadOlder: () => void;
}

function Entries({ log, filtered, names, onLoadOlder }: EntriesProps) {
  if (log.entries.length === 0) {
    return (
      <p className="empty-state">
        {filtered
          ? 'No entries match these filters. Check the ids, or clear a filter to see more.'
          : 'Nothing has been recorded yet.'}
      </p>
    );
  }
  return (
    <>
      <h2 className="list-heading">{countOf(log)}</h2>
      <AuditTable entries={log.entries} names={names} />
      {log.olderError !== null && <ErrorAlert error={log.olderError} />}
      {log.loadingOlder && <Loading label="Loading older entries…" />}
      {log.mayHaveOlder && !log.loadingOlder && (
        <button type="button" className="secondary load-older" onClick={onLoadOlder}>
          Older entries
        </button>
      )}
    </>
  );
}

/** `3 entries`, or `The newest 100 entries` while older ones may be left to load. */
function countOf(log: EntriesProps['log']): string {
  const count = log.entries.length === 1 ? '1 entry' : `${log.entries.length} entries`;
  return log.mayHaveOlder ? `The newest ${count}` : count;
}
