// A customer's cases under the right of access and the right to be forgotten. Erasure keeps what the
// numbers need (a case's channel, reason, status and times, a gesture's kind and amount) and removes
// everything that could say who she was or what she wrote.
import { fromMinorUnits } from '../shared/money.ts';
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { CasePriority } from '../shared/priority.ts';
import type { Channel } from '../interactions/index.ts';
import type { GestureKind, GestureStatus } from '../gestures/index.ts';
import type { CaseStatus } from './model.ts';
import type { CaseExportSchema } from './responses.ts';

export type CaseExport = z.infer<typeof CaseExportSchema>;

const ERASED = 'Erased on request';
const inList = (ids: readonly string[]) => ids.map(() => '?').join(', ');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function caseIdsOf(db: Db, profiles: readonly string[]): Promise<string[]> {
  const rows = await db.all<{ id: string }>(`SELECT id FROM cases WHERE customer_id IN (${inList(profiles)})`, [
    ...profiles,
  ]);
  return rows.map((row) => row.id);
}

/** Her cases and the gestures made to her, for the export she asked for (the messages are her interactions). */
export async function exportCasesOf(db: Db, profiles: readonly string[]): Promise<CaseExport[]> {
  // Status, priority, kind and gesture status are held to their sets by the tables' CHECKs; a case's channel is
  // its first message's, from a validated event.
  const cases = await db.all<{
    id: string;
    number: number;
    subject: string;
    channel: Channel;
    status: CaseStatus;
    priority: CasePriority;
    reason: string | null;
    tags: string;
    opened_at: number;
    resolved_at: number | null;
    closed_at: number | null;
  }>(`SELECT * FROM cases WHERE customer_id IN (${inList(profiles)}) ORDER BY opened_at`, [...profiles]);
  const gestures = await db.all<{
    case_id: string | null;
    kind: GestureKind;
    amount: number;
    currency: string;
    reason: string;
    status: GestureStatus;
    created_at: number;
  }>(
    `SELECT case_id, kind, amount, currency, reason, status, created_at FROM gestures WHERE customer_id IN (${inList(profiles)}) ORDER BY created_at`,
    [...profiles],
  );
  return cases.map((c) => ({
    number: c.number,
    subject: c.subject,
    channel: c.channel,
    status: c.status,
    priority: c.priority,
    reason: c.reason,
    tags: JSON.parse(c.tags) as string[],
    openedAt: iso(c.opened_at)!,
    resolvedAt: iso(c.resolved_at),
    closedAt: iso(c.closed_at),
    gestures: gestures
      .filter((g) => g.case_id === c.id)
      .map((g) => ({
        kind: g.kind,
        // Stored in minor units (cents); the export says it as the customer was offered it.
        amount: fromMinorUnits(g.amount, g.currency),
        currency: g.currency,
        reason: g.reason,
        status: g.status,
        createdAt: iso(g.created_at)!,
      })),
  }));
}

/** Inside the erasure's transaction: returns how many cases were emptied. */
export async function eraseCasesOf(tx: Db, profiles: readonly string[]): Promise<number> {
  const caseIds = await caseIdsOf(tx, profiles);
  if (caseIds.length) {
    const ids = inList(caseIds);
    for (const table of ['case_messages', 'case_thread_refs', 'case_events']) {
      await tx.run(`DELETE FROM ${table} WHERE case_id IN (${ids})`, caseIds);
    }
    await tx.run(`DELETE FROM mentions WHERE case_id IN (${ids})`, caseIds);
    await tx.run(`UPDATE cases SET subject = ?, tags = '[]' WHERE id IN (${ids})`, [ERASED, ...caseIds]);
  }
  await tx.run(`DELETE FROM mentions WHERE customer_id IN (${inList(profiles)})`, [...profiles]);
  // A gesture still waiting cannot be issued to someone we no longer know.
  await tx.run(
    `UPDATE gestures SET reason = ?, decision_note = NULL, interaction_id = NULL,
            status = CASE status WHEN 'pending' THEN 'rejected' ELSE status END
     WHERE customer_id IN (${inList(profiles)})`,
    [ERASED, ...profiles],
  );
  return caseIds.length;
}
