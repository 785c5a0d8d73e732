// A resolved case the customer does not come back to closes for good after the configured days;
// until then her answer reopens it (closed is final: a later message opens a new, linked case).
import type { Db } from '../store/db.ts';
import { resolvedCasesBefore } from './store.ts';
import { SYSTEM_ACTOR } from '../shared/actor.ts';
import { changeCase } from './service.ts';
import { readCaseSettings } from './settings.ts';
import { DAY_MS } from '../shared/time.ts';

const CLOSE_PER_SWEEP = 500;

/** Closes what has waited long enough; returns how many it closed. */
export async function closeResolvedCases(db: Db, now = Date.now()): Promise<number> {
  const { autoCloseAfterDays } = await readCaseSettings(db);
  const due = await resolvedCasesBefore(db, now - autoCloseAfterDays * DAY_MS, CLOSE_PER_SWEEP);
  for (const id of due) await changeCase(db, id, { status: 'closed' }, { ...SYSTEM_ACTOR, id: 'auto-close' });
  return due.length;
}
