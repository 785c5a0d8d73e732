// The audit log for one set of filters: the first page, then older pages appended on request.
// Changing the filters starts again and drops any answer still on its way for the old ones.
import { useEffect, useRef, useState } from 'react';
import { auditApi } from './api.ts';
import { auditSearch, type AuditFilters } from './filters.ts';
import type { AuditEntry } from './types.ts';

export type AuditLogState =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | {
      state: 'ready';
      entries: AuditEntry[];
      /** A full page came back last, so there may be older entries. */
      mayHaveOlder: boolean;
      loadingOlder: boolean;
      /** Why the last "older entries" load failed, shown beside its button; the entries stay. */
      olderError: unknown;
    };

export function useAuditLog(
  filters: AuditFilters,
  pageSize: number,
): { log: AuditLogState; loadOlder: () => Promise<void> } {
  const [log, setLog] = useState<AuditLogState>({ state: 'loading' });
  const current = useRef<AbortController | null>(null);
  const asked = auditSearch(filters, pageSize);

  useEffect(() => {
    const controller = new AbortController();
    current.current = controller;
    setLog({ state: 'loading' });
    auditApi.entries(filters, pageSize, null, controller.signal).then(
      ({ items }) =>
        setLog({
          state: 'ready',
          entries: items,
          mayHaveOlder: items.length === pageSize,
          loadingOlder: false,
          olderError: null,
        }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLog({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [asked]);

  const loadOlder = async () => {
    const controller = current.current;
    if (log.state !== 'ready' || log.loadingOlder || !controller) return;
    const last = log.entries.at(-1);
    if (!last) return;
    const shown = log.entries;
    setLog({ ...log, loadingOlder: true, olderError: null });
    try {
      const { items } = await auditApi.entries(filters, pageSize, last.id, controller.signal);
      if (controller.signal.aborted) return;
      setLog({
        state: 'ready',
        entries: [...shown, ...items],
        mayHaveOlder: items.length === pageSize,
        loadingOlder: false,
        olderError: null,
      });
    } catch (error) {
      if (!controller.signal.aborted) setLog({ ...log, loadingOlder: false, olderError: error });
    }
  };

  return { log, loadOlder };
}
