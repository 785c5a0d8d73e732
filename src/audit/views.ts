// Views of customer data (a context card, a timeline, a case) in the audit trail. The assembly may install a
// recorder per database: the app's sends each view through the event log, so that a look-up is reads only (no
// write transaction, no WAL checkpoint on its path). Without one (the CLI, unit tests, a benchmark without a log)
// the entry is written at once, as any other audit entry.
import type { Db } from '../store/db.ts';
import { insertAuditEntry, type AuditEntry } from './store.ts';

/** A view's audit entry, with the time it was shown: it may reach `audit_log` later than that. */
export type ViewEntry = AuditEntry & { at: number };

/** Where views go instead of a write of their own (src/app/view-recorder.ts). */
export interface ViewRecorder {
  /** Takes the view; how durable it is once this resolves is the recorder's promise to keep. */
  record(entry: ViewEntry): Promise<void>;
  /** Resolves once the views recorded so far are readable in `audit_log`, or when the recorder stops waiting. */
  caughtUp(): Promise<void>;
}

const recorders = new WeakMap<object, ViewRecorder>();

/**
 * Sends the views of `db` to `recorder` from now on; returns what puts the direct write back.
 * @example installViewRecorder(db, createViewRecorder({ eventLog, projector }))
 */
export function installViewRecorder(db: Db, recorder: ViewRecorder): () => void {
  recorders.set(db.root, recorder);
  return () => {
    if (recorders.get(db.root) === recorder) recorders.delete(db.root);
  };
}

/** Records that `entry.actorId` saw customer data: through the installed recorder, or written at once. */
export async function recordView(db: Db, entry: AuditEntry): Promise<void> {
  const view: ViewEntry = { ...entry, at: entry.at ?? Date.now() };
  const recorder = recorders.get(db.root);
  await (recorder ? recorder.record(view) : insertAuditEntry(db, view));
}

/** Before reading the trail: waits (bounded, by the recorder) until the views recorded so far are in it. */
export async function viewsRecorded(db: Db): Promise<void> {
  await recorders.get(db.root)?.caughtUp();
}
