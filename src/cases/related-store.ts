// The cases a case page names ("Repeat of #1012 — Refund: Where is my money?"): by number, subject and
// reason, so an agent sees what the earlier or later contact was about before opening it.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { RelatedCaseSchema } from './responses.ts';

/** Read as the API shows it (the columns' names and CHECKs already fit). */
export type RelatedCase = z.infer<typeof RelatedCaseSchema>;

const COLUMNS = 'id, number, subject, reason, status';

/** The case this one repeats (primary key), and the cases that came back as repeats of it (cases_repeat_of). */
export async function relatedCasesOf(
  db: Db,
  found: { id: string; repeatOf: string | null },
): Promise<{ repeatOfCase: RelatedCase | null; repeatedByCases: RelatedCase[] }> {
  const repeatOfCase = found.repeatOf
    ? await db.get<RelatedCase>(`SELECT ${COLUMNS} FROM cases WHERE id = ?`, [found.repeatOf])
    : undefined;
  const repeatedByCases = await db.all<RelatedCase>(
    `SELECT ${COLUMNS} FROM cases WHERE repeat_of = ? ORDER BY opened_at`,
    [found.id],
  );
  return { repeatOfCase: repeatOfCase ?? null, repeatedByCases };
}
