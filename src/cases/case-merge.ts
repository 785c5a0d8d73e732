// Merging duplicate cases of one customer (a form, two emails and a call about one double charge):
// the absorbed case's conversation and history show on the survivor, the absorbed case is closed
// pointing to it, its thread now leads to the survivor, and the merge can be undone.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { commonErrors } from '../shared/errors.ts';
import { caseErrors } from './errors.ts';
import { newId } from '../shared/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { canonicalCustomer } from '../customers/index.ts';
import { refreshRuleFlags } from '../flags/index.ts';
import { isFirstContactResolution, statusAfterInbound, type CaseRecord } from './model.ts';
import type { CaseMergeSchema } from './responses.ts';
import { requireCase } from './service.ts';
import { resolutionClockChanges } from './sla-pause.ts';
import * as store from './store.ts';
import * as merges from './merge-store.ts';

export type CaseMergeView = z.infer<typeof CaseMergeSchema>;

async function toView(db: Db, row: merges.CaseMergeRow): Promise<CaseMergeView> {
  const numbers = await merges.caseNumbersOf(db, [row.survivor_id, row.absorbed_id]);
  return {
    id: row.id,
    survivorId: row.survivor_id,
    survivorNumber: numbers.get(row.survivor_id)!,
    absorbedId: row.absorbed_id,
    absorbedNumber: numbers.get(row.absorbed_id)!,
    mergedBy: row.merged_by,
    mergedAt: new Date(row.merged_at).toISOString(),
    undoneAt: row.undone_at === null ? null : new Date(row.undone_at).toISOString(),
    undoneBy: row.undone_by,
  };
}

/** Two cases are one customer's when their profiles were merged into one (or were one all along). */
async function sameCustomer(db: Db, a: CaseRecord, b: CaseRecord): Promise<boolean> {
  if (a.customerId === b.customerId) return true;
  const [first, second] = await Promise.all([canonicalCustomer(db, a.customerId), canonicalCustomer(db, b.customerId)]);
  return first !== undefined && first.id === second?.id;
}

/** Whether a resolved case still counts as resolved on first contact, after its contacts changed. */
async function decidedFcr(db: Db, c: CaseRecord, changes: Partial<CaseRecord>): Promise<Partial<CaseRecord>> {
  if (c.status !== 'resolved') return {};
  return {
    firstContactResolution: isFirstContactResolution({ ...c, ...changes }, await store.hasRepeatContact(db, c.id)),
  };
}

/** Merges case `absorbedRef` (id or number) into `intoRef`. */
export async function mergeCase(db: Db, absorbedRef: string, intoRef: string, actor: Actor): Promise<CaseMergeView> {
  return db.transaction(async (tx) => {
    const absorbed = await requireCase(tx, absorbedRef);
    const survivor = await requireCase(tx, intoRef);
    if (absorbed.id === survivor.id) {
      throw caseErrors.error('merge_same_case', `Case #${absorbed.number} cannot be merged into itself`, {
        errors: [{ field: 'intoCaseId', reason: 'Choose another case' }],
      });
    }
    for (const c of [absorbed, survivor]) {
      if (c.status === 'closed') {
        throw caseErrors.error('case_closed', `Case #${c.number} is closed, and closed cases can't be merged`, {
          errors: [{ field: c === survivor ? 'intoCaseId' : 'id', reason: 'Closed' }],
        });
      }
    }
    if (!(await sameCustomer(tx, absorbed, survivor))) {
      throw caseErrors.error(
        'merge_other_customer',
        `Cases #${absorbed.number} and #${survivor.number} are about different customers; only one customer's cases can be merged (merge the customers first if they are one person)`,
        { errors: [{ field: 'intoCaseId', reason: 'Another customer' }] },
      );
    }
    const now = Date.now();
    const absorbedCases = await merges.casesMadeOf(tx, absorbed.id);
    const before: merges.AbsorbedBefore = {
      status: absorbed.status,
      closedAt: absorbed.closedAt,
      resolvedAt: absorbed.resolvedAt,
      firstContactResolution: absorbed.firstContactResolution,
      resolutionPausedAt: absorbed.resolutionPausedAt,
      resolutionDueAt: absorbed.resolutionDueAt,
      contactCount: absorbed.contactCount,
      lastInboundAt: absorbed.lastInboundAt,
      reopenCount: absorbed.reopenCount,
    };
    const lastMessageId = await merges.lastMessageId(tx);
    await merges.moveConversation(tx, absorbed.id, survivor.id);

    // Closed by the merge, not resolved: it is no case of its own in first-contact resolution.
    await store.updateCase(
      tx,
      absorbed.id,
      { status: 'closed', closedAt: now, resolvedAt: null, firstContactResolution: null, resolutionPausedAt: null },
      now,
    );
    // The survivor counts her contacts about the matter across both.
    const survivorChanges: Partial<CaseRecord> = {
      contactCount: survivor.contactCount + absorbed.contactCount,
      lastInboundAt: Math.max(survivor.lastInboundAt ?? 0, absorbed.lastInboundAt ?? 0) || null,
    };
    Object.assign(survivorChanges, await decidedFcr(tx, survivor, survivorChanges));
    await store.updateCase(tx, survivor.id, survivorChanges, now);

    const id = newId('cmg');
    await merges.insertCaseMerge(tx, {
      id,
      survivorId: survivor.id,
      absorbedId: absorbed.id,
      absorbedCases,
      absorbedBefore: before,
      addedContacts: absorbed.contactCount,
      lastMessageId,
      mergedBy: actor.kind === 'staff' ? actor.id : null,
      at: now,
    });
    await store.recordCaseEvent(tx, absorbed.id, now, actor, {
      status: [absorbed.status, 'closed'],
      mergedInto: { mergeId: id, caseId: survivor.id, number: survivor.number },
    });
    await store.recordCaseEvent(tx, survivor.id, now, actor, {
      merged: { mergeId: id, caseId: absorbed.id, number: absorbed.number, contacts: absorbed.contactCount },
    });
    await recordAudit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'case.merged',
      customerId: survivor.customerId,
      detail: { mergeId: id, survivorId: survivor.id, absorbedId: absorbed.id },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    await refreshRuleFlags(tx, survivor.customerId, now);
    return toView(tx, (await merges.findCaseMerge(tx, id))!);
  });
}

/**
 * Gives both cases back as they were: the absorbed case its conversation (and whatever arrived by its
 * thread since, which also reopens it as any new message would), status and counts; the survivor keeps
 * what happened on it since. `mayUndoAny`: managers; anyone else only their own merge.
 */
export async function undoCaseMerge(
  db: Db,
  mergeId: string,
  actor: Actor,
  mayUndoAny: boolean,
): Promise<CaseMergeView> {
  return db.transaction(async (tx) => {
    const row = await merges.findCaseMerge(tx, mergeId);
    if (!row) throw caseErrors.error('case_merge_not_found', `No case merge ${mergeId}`);
    if (!mayUndoAny && (row.merged_by === null || row.merged_by !== actor.id)) {
      throw commonErrors.error('forbidden', 'Only a manager or the person who merged these cases can undo the merge');
    }
    if (row.undone_at !== null)
      throw caseErrors.error('case_merge_already_undone', `Case merge ${mergeId} was already undone`);
    const onward = await merges.activeMergeAbsorbing(tx, row.survivor_id);
    if (onward) {
      const numbers = await merges.caseNumbersOf(tx, [row.survivor_id, onward.survivor_id]);
      throw caseErrors.error(
        'survivor_merged_since',
        `Case #${numbers.get(row.survivor_id)} was itself merged into #${numbers.get(onward.survivor_id)} since; undo that merge first`,
      );
    }
    const absorbed = (await store.findCase(tx, row.absorbed_id))!;
    const survivor = (await store.findCase(tx, row.survivor_id))!;
    const before = JSON.parse(row.absorbed_before) as merges.AbsorbedBefore;
    const now = Date.now();
    const returned = await merges.returnConversation(
      tx,
      survivor.id,
      absorbed.id,
      JSON.parse(row.absorbed_cases) as string[],
      row.last_message_id,
    );

    const restored: Partial<CaseRecord> = { ...before };
    if (returned.arrivedSince > 0) {
      // She wrote on its thread while it was merged: it is live again, as any message would make it.
      const status = statusAfterInbound(before.status);
      Object.assign(restored, await resolutionClockChanges(tx, { ...absorbed, ...before }, status, now), {
        status,
        contactCount: before.contactCount + returned.arrivedSince,
        lastInboundAt: Math.max(before.lastInboundAt ?? 0, returned.lastInboundAt ?? 0) || null,
      });
      if (before.status === 'resolved')
        Object.assign(restored, {
          reopenCount: before.reopenCount + 1,
          resolvedAt: null,
          firstContactResolution: null,
        });
    }
    await store.updateCase(tx, absorbed.id, restored, now);

    const survivorChanges: Partial<CaseRecord> = {
      contactCount: Math.max(1, survivor.contactCount - row.added_contacts - returned.arrivedSince),
      lastInboundAt: (await merges.lastInboundOn(tx, survivor.id)) ?? survivor.lastInboundAt,
    };
    Object.assign(survivorChanges, await decidedFcr(tx, survivor, survivorChanges));
    await store.updateCase(tx, survivor.id, survivorChanges, now);

    await merges.markCaseMergeUndone(tx, mergeId, actor.kind === 'staff' ? actor.id : null, now);
    await store.recordCaseEvent(tx, absorbed.id, now, actor, {
      status: ['closed', restored.status],
      mergeUndone: { mergeId, caseId: survivor.id, number: survivor.number },
    });
    await store.recordCaseEvent(tx, survivor.id, now, actor, {
      mergeUndone: { mergeId, caseId: absorbed.id, number: absorbed.number },
    });
    await recordAudit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'case.merge_undone',
      customerId: survivor.customerId,
      detail: {
        mergeId,
        survivorId: survivor.id,
        absorbedId: absorbed.id,
        messagesArrivedSince: returned.arrivedSince,
      },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    await refreshRuleFlags(tx, survivor.customerId, now);
    return toView(tx, (await merges.findCaseMerge(tx, mergeId))!);
  });
}
