// What a case page shows of merges: the survivor a merged case points to, the cases merged into this
// one, and their history and gestures beside its own (their messages moved to it with the merge).
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { gesturesOfCase } from '../gestures/index.ts';
import type { GestureRow } from '../gestures/index.ts';
import type { CaseRecord } from './model.ts';
import type { CaseDetailSchema, CaseMergeLinkSchema } from './responses.ts';
import { caseEventsOf } from './store.ts';
import * as merges from './merge-store.ts';

export type CaseMergeLink = z.infer<typeof CaseMergeLinkSchema>;

/** The survivor a merged case points to, and the cases merged into it. */
export type CaseMergeFacts = z.infer<typeof CaseDetailSchema>['merge'];

export interface MergedParts {
  merge: CaseMergeFacts;
  history: Array<{
    at: number;
    actorKind: Actor['kind'];
    actorId: string | null;
    change: Record<string, unknown>;
    fromCase: { id: string; number: number };
  }>;
  gestures: GestureRow[];
}

export async function mergedPartsOf(db: Db, c: CaseRecord): Promise<MergedParts> {
  const [into, intoThis] = await Promise.all([
    merges.activeMergeAbsorbing(db, c.id),
    merges.activeMergesInto(db, c.id),
  ]);
  // What casesMadeOf returns, less the case itself, from the merges already read.
  const others = intoThis.flatMap((merge) => JSON.parse(merge.absorbed_cases) as string[]).filter((id) => id !== c.id);
  const numbers = await merges.caseNumbersOf(db, [...(into ? [into.survivor_id] : []), ...others]);
  const link = (row: merges.CaseMergeRow, caseId: string): CaseMergeLink => ({
    mergeId: row.id,
    caseId,
    number: numbers.get(caseId)!,
    mergedAt: new Date(row.merged_at).toISOString(),
    mergedBy: row.merged_by,
  });
  const history: MergedParts['history'] = [];
  const gestures: GestureRow[] = [];
  const parts = await Promise.all(
    others.map(async (id) => ({ id, events: await caseEventsOf(db, id), given: await gesturesOfCase(db, id) })),
  );
  for (const { id, events, given } of parts) {
    const fromCase = { id, number: numbers.get(id)! };
    for (const entry of events) history.push({ ...entry, fromCase });
    gestures.push(...given);
  }
  return {
    merge: {
      mergedInto: into ? link(into, into.survivor_id) : null,
      mergedCases: intoThis.map((row) => link(row, row.absorbed_id)),
    },
    history,
    gestures,
  };
}
