// One-click "Take it" and bulk actions on many cases: each case is changed on its own, by the same
// rules as a single change (changeCase), so one that refuses is reported while the others apply.
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { commonErrors, DomainError, type ErrorKind } from '../shared/errors.ts';
import { caseErrors } from './errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { CasePriority, CaseStatus } from './model.ts';
import { changeCase, requireCase, type CaseChanges } from './service.ts';
import type { CaseSummary } from './view.ts';

/** The most cases one bulk request changes: a few pages of a queue, answered within a request. */
export const BULK_MAX_CASES = 200;

export type BulkAction =
  | { type: 'assign'; assigneeId: string | null }
  | { type: 'assignTeam'; teamId: string }
  | { type: 'setStatus'; status: CaseStatus }
  | { type: 'setPriority'; priority: CasePriority }
  | { type: 'addTag'; tag: string }
  | { type: 'removeTag'; tag: string }
  | { type: 'close' };

export type BulkResult =
  | { id: string; ok: true; case: CaseSummary }
  | { id: string; ok: false; code: string; kind: ErrorKind; reason: string };

export interface BulkReport {
  applied: number;
  refused: number;
  results: BulkResult[];
}

const normalTag = (tag: string) => tag.trim().toLowerCase();

/** The change one case gets; tags are read inside the case's own transaction so none is lost. */
async function applyTo(tx: Db, id: string, action: BulkAction, actor: Actor): Promise<CaseSummary> {
  const simple: CaseChanges | null =
    action.type === 'assign'
      ? { assigneeId: action.assigneeId }
      : action.type === 'assignTeam'
        ? { teamId: action.teamId }
        : action.type === 'setStatus'
          ? { status: action.status }
          : action.type === 'setPriority'
            ? { priority: action.priority }
            : action.type === 'close'
              ? { status: 'closed' }
              : null;
  if (simple) return changeCase(tx, id, simple, actor);
  const current = await requireCase(tx, id);
  const tag = normalTag((action as { tag: string }).tag);
  const tags =
    action.type === 'addTag' ? [...current.tags, tag] : current.tags.filter((existing) => normalTag(existing) !== tag);
  return changeCase(tx, current.id, { tags }, actor);
}

/**
 * Applies `action` to each case (by id or number), each in its own transaction; answers per case.
 * Each case's history records the change and who made it (changeCase); the audit trail also gets
 * one entry for the whole bulk action, with the ids.
 */
export async function applyBulkAction(
  db: Db,
  ids: readonly string[],
  action: BulkAction,
  actor: Actor,
): Promise<BulkReport> {
  const results: BulkResult[] = [];
  for (const id of ids) {
    try {
      results.push({ id, ok: true, case: await db.transaction((tx) => applyTo(tx, id, action, actor)) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ id, ok: false, code: error.code, kind: error.kind, reason: error.message });
    }
  }
  const applied = results.filter((result) => result.ok).length;
  await recordAudit(db, {
    actorKind: actor.kind,
    actorId: actor.id,
    action: 'cases.bulk_changed',
    customerId: null,
    detail: {
      action,
      ids,
      applied: results.flatMap((result) => (result.ok ? [result.case.id] : [])),
      refused: results.flatMap((result) => (result.ok ? [] : [{ id: result.id, code: result.code }])),
    },
    ip: actor.ip,
    requestId: actor.requestId,
  });
  return { applied, refused: results.length - applied, results };
}

/** "Take it": the case is assigned to me and follows me to my team, as any reassignment does. */
export async function takeCase(db: Db, id: string, actor: Actor): Promise<CaseSummary> {
  if (actor.kind !== 'staff' || !actor.id) throw commonErrors.error('forbidden', 'Only a staff member can take a case');
  const staffId = actor.id;
  return db.transaction(async (tx) => {
    const current = await requireCase(tx, id);
    if (current.status === 'closed')
      throw caseErrors.error('case_closed', `Case #${current.number} is closed; there is nothing left to take`);
    return changeCase(tx, current.id, { assigneeId: staffId }, actor);
  });
}
