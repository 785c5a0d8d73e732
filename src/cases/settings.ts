// Case settings a manager may change: how long a thread stays joinable, how far back a repeat contact
// looks, and how long a resolved case waits for the customer before it closes for good.
import { z } from 'zod';
import type { Db } from '../store/db.ts';

export const caseSettingsSchema = z
  .object({
    repeatWindowDays: z.number().int().min(1).max(365),
    threadWindowHours: z.number().int().min(1).max(24 * 90),
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
 * CLI and the server share the database, so a cached copy could be stale. A range of the primary key
 * (the keys starting `cases.`): LIKE cannot use the key's index, so it would scan every other setting.
 */
export async function readCaseSettings(db: Db): Promise<CaseSettings> {
  const rows = await db.all<{ key: string; value: string }>(`SELECT key, value FROM settings WHERE key >= 'cases.' AND key < 'cases/'`);
  const byKey = new Map(rows.map((row) => [row.key, JSON.parse(row.value) as number]));
  return {
    repeatWindowDays: byKey.get(KEYS.repeatWindowDays) ?? 7,
    threadWindowHours: byKey.get(KEYS.threadWindowHours) ?? 72,
    // Four days, as help desks customers know do it: long enough to answer "that didn't work".
    autoCloseAfterDays: byKey.get(KEYS.autoCloseAfterDays) ?? 4,
  };
}

export async function writeCaseSettings(db: Db, settings: Partial<CaseSettings>): Promise<CaseSettings> {
  for (const [name, value] of Object.entries(settings)) {
    await db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
      KEYS[name as keyof CaseSettings],
      JSON.stringify(value),
    ]);
  }
  return readCaseSettings(db);
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
