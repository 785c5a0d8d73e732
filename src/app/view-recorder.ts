// The app's recorder of views (src/audit/views.ts): each view's audit entry is appended to the event log, and
// the projector writes it to `audit_log` in log order, in the batch transaction it commits anyway. A look-up
// is then reads only: no write transaction of its own, no WAL checkpoint landing in it.
import type { EventLog } from '../eventlog/index.ts';
import type { ProjectionControl } from '../pipeline/index.ts';
import type { ViewEntry, ViewRecorder } from '../audit/index.ts';

/** How long a read of the trail waits for the views before it (as `?after=`, app/read-after.ts). */
const READ_WAIT_MS = 2000;

/**
 * The data is shown without waiting for its view's commit: the view is queued for the log's next group commit (the
 * next turn of the event loop), and EventLog.close flushes the queue, so a clean stop loses none, and the log keeps
 * the order views were seen in. Waiting was measured (the lookup bench times both, interleaved): it puts a synced
 * commit and a turn of the event loop on every look-up's path, p50 0.45 → 0.98 ms and p99 1.1 → 4.9 ms at 200k
 * events on the 2-core machine, and more while the projector works, as the turn then waits for a projection slice.
 * What waiting would add is the views of the last few milliseconds before a kill -9 or a power cut; an append that
 * fails after its view was shown is logged (`onError`).
 */
export const WAIT_FOR_VIEW_COMMIT = false;

export interface ViewRecorderOptions {
  eventLog: EventLog;
  projector: Pick<ProjectionControl, 'waitFor'>;
  /**
   * true: the data is shown once its view is on disk (the append's group commit, synced). false (the default,
   * `WAIT_FOR_VIEW_COMMIT`): the view is queued for the next group commit and the data shown at once.
   */
  waitForCommit?: boolean;
  /** An append that failed after its view was shown (only without `waitForCommit`). */
  onError?: (error: unknown) => void;
}

export function createViewRecorder(options: ViewRecorderOptions): ViewRecorder {
  const { eventLog, projector, waitForCommit = WAIT_FOR_VIEW_COMMIT } = options;
  // Appends commit in the order they are made, so waiting for the latest waits for all before it.
  let latest: Promise<unknown> = Promise.resolve();
  let lastPosition = 0;
  return {
    async record(entry: ViewEntry) {
      const appended = eventLog.appendAudit(entry).then(({ last }) => {
        lastPosition = Math.max(lastPosition, last);
      });
      latest = appended.catch(() => undefined);
      if (waitForCommit) await appended;
      else appended.catch((error: unknown) => options.onError?.(error));
    },
    async caughtUp() {
      await latest;
      await projector.waitFor(lastPosition, READ_WAIT_MS);
    },
  };
}
