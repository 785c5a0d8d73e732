// `rapport reproject --into FILE`: the customer view rebuilt from the event log. The database is copied (staff,
// teams, settings and the rest of the configuration come along), what the projection wrote is cleared from the
// copy, and the log is projected into it again from the first position. Projection decides as of each event's
// arrival and names what it creates after the event's position (src/shared/clock.ts), so the rebuild gives the
// same customers, cases and ids as the first time. Work staff did on customers and cases is not in the log: a
// rebuild would drop it, so it is refused while there is any, unless asked to discard it. The source is only read.
import { existsSync } from 'node:fs';
import type { Config } from './config.ts';
import { openSqlite, type SqliteDatabase } from '../store/sqlite.ts';
import { EventLog } from '../eventlog/index.ts';
import { createProjector } from './projection.ts';
import { clearProjection, PROJECTED_TABLES, staffWork, tablesReferencingProjection } from './reproject-store.ts';
import { defineErrors } from '../shared/errors.ts';

export interface ReprojectReport {
  /** Events projected into the copy, and the log position it reached. */
  events: number;
  through: number;
  /** Staff work the source held and the copy does not (all zero unless `discardStaffWork`). */
  discarded: Record<string, number>;
}

export interface ReprojectOptions {
  into: string;
  discardStaffWork?: boolean;
  onProgress?: (projected: number, head: number) => void;
}

const reprojectErrors = defineErrors('reproject', {
  target_exists: 'conflict',
  log_incomplete: 'conflict',
  staff_work_not_in_log: 'conflict',
});
const refusal = reprojectErrors.error;

export async function reproject(
  config: Pick<Config, 'databaseFile' | 'eventLogFile'>,
  options: ReprojectOptions,
): Promise<ReprojectReport> {
  if (existsSync(options.into)) throw refusal('target_exists', `${options.into} exists; name a new file`);
  const source = openSqlite(config.databaseFile);
  const log = await EventLog.open(config.eventLogFile);
  let target: SqliteDatabase | undefined;
  try {
    await source.migrate();
    if (!(await log.isComplete())) {
      throw refusal(
        'log_incomplete',
        `The event log no longer holds its first events (kept from position ${await log.tail()}: older ones were ` +
          'pruned after the retention window, RAPPORT_LOG_RETENTION_DAYS); a rebuild needs the whole log',
      );
    }
    const work = await staffWork(source);
    const total = Object.values(work).reduce((sum, n) => sum + n, 0);
    if (total > 0 && !options.discardStaffWork) {
      const list = Object.entries(work)
        .filter(([, n]) => n > 0)
        .map(([what, n]) => `${n} ${what}`)
        .join(', ');
      throw refusal(
        'staff_work_not_in_log',
        `The database holds staff work the event log does not (${list}); a rebuild would lose it. ` +
          'Add --discard-staff-work to rebuild anyway',
      );
    }
    await source.copyTo(options.into);
    target = openSqlite(options.into);
    const unknown = (await tablesReferencingProjection(target)).filter(
      (table) => !(PROJECTED_TABLES as readonly string[]).includes(table),
    );
    if (unknown.length) throw new Error(`Tables ${unknown.join(', ')} point at projected rows but are not cleared`);
    await target.transaction(async (tx) => clearProjection(tx));

    // Never pruned by the rebuild (retention applies to the server's own projector only).
    const projector = createProjector(
      target,
      log,
      { logRetentionDays: Number.POSITIVE_INFINITY },
      {
        onError: () => undefined,
        keepImportOutcomes: false,
      },
    );
    const head = await log.head();
    let events = 0;
    for (;;) {
      const count = await projector.projectBatch();
      if (count === 0) break;
      events += count;
      options.onProgress?.(projector.position(), head);
    }
    await projector.close();
    return { events, through: projector.position(), discarded: total > 0 ? work : {} };
  } finally {
    await target?.close();
    await log.close();
    await source.close();
  }
}
