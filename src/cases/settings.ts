// Case settings a manager may change: how long a thread stays joinable, how far back a repeat contact
// looks, and how long a resolved case waits for the customer before it closes for good.
import { z } from 'zod';
import type { Db } from '../store/db.ts';
import { readSettings, writeSetting } from '../store/settings.ts';

export const caseSettingsSchema = z
  .object({
    repeatWindowDays: z.number().int().min(1).max(365),
    threadWindowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
    autoCloseAfterDays: z.number().int().min(1).max(28),
  })
  .strict();
export type CaseSettings = z.infer<typeof caseSettingsSchema>;

const KEYS: Record<keyof CaseSettings, string> = {
  repeatWindowDays: 'cases.repeatWindowDays',
  threadWindowHours: 'cases.threadWindowHours',
  autoCloseAfterDays: 'cases.autoCloseAfterDays',
};

/**
 * Read afresh each time (once per inbound message): a manager may change them through the API, and the
 * CLI and the server share the database, so a cached copy could be stale.
 */
export async function readCaseSettings(db: Db): Promise<CaseSettings> {
  const byKey = await readSettings(db, 'cases.');
  const number = (key: string) => byKey.get(key) as number | undefined;
  return {
    repeatWindowDays: number(KEYS.repeatWindowDays) ?? 7,
    threadWindowHours: number(KEYS.threadWindowHours) ?? 72,
    // Four days, as help desks customers know do it: long enough to answer "that didn't work".
    autoCloseAfterDays: number(KEYS.autoCloseAfterDays) ?? 4,
  };
}

export async function writeCaseSettings(db: Db, settings: Partial<CaseSettings>): Promise<CaseSettings> {
  for (const [name, value] of Object.entries(settings)) await writeSetting(db, KEYS[name as keyof CaseSettings], value);
  return readCaseSettings(db);
}
