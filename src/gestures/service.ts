// Issuing a service-recovery gesture: within the agent's own limits (the gesture, the case's total, their
// day's total) it is issued at once; otherwise the whole gesture waits for a manager to approve or
// reject. Either way it lands on the case and the customer's timeline.
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { newId } from '../shared/ids.ts';
import { commonErrors, type DomainError, invalidField } from '../shared/errors.ts';
import { gestureErrors } from './errors.ts';
import { roleAllows, type Role } from '../staff/index.ts';
import { recordAudit } from '../audit/index.ts';
import { customerLabel, customerLabelFactsOf } from '../customers/index.ts';
import { refreshRuleFlags } from '../flags/index.ts';
import { dayAround, limitBroken, type GestureKind } from './model.ts';
import { formatMoney, isCurrency, toMinorUnits } from '../shared/money.ts';
import {
  toGestureView,
  toPendingGestureView,
  type GestureRow,
  type GestureView,
  type PendingGestureView,
} from './view.ts';
import * as store from './store.ts';

export interface GestureRequest {
  kind: GestureKind;
  amount: number;
  currency: string;
  reason: string;
}

export interface Staffer {
  id: string;
  role: Role;
  department: string | null;
}

/**
 * What a gesture needs of the case it is given on. Cases sit above gestures, so the case engine hands this
 * in (cases/gesture-cases.ts) rather than gestures reaching up for it.
 */
export interface GestureCases {
  findCase(tx: Db, caseId: string): Promise<{ id: string; customerId: string } | undefined>;
  /** Puts an issued gesture on the customer's timeline and, when it has one, its case's conversation. */
  postGesture(tx: Db, gesture: PostedGesture): Promise<{ interactionId: number }>;
  recordCaseEvent(tx: Db, caseId: string, at: number, actor: Actor, change: Record<string, unknown>): Promise<void>;
}

export interface PostedGesture {
  caseId: string | null;
  customerId: string;
  text: string;
  department: string;
  staffId: string;
  properties: Record<string, unknown>;
  at: number;
}

function invalid(field: string, reason: string): DomainError {
  return invalidField(field, reason, reason);
}

function describe(row: Pick<GestureRow, 'kind' | 'amount' | 'currency' | 'reason'>): string {
  const value = row.amount > 0 ? ` of ${formatMoney(row.amount, row.currency)}` : '';
  return `${row.kind[0]!.toUpperCase()}${row.kind.slice(1)}${value}: ${row.reason}`;
}

/** Puts an issued gesture on the case conversation and the customer's timeline. */
async function recordIssued(tx: Db, cases: GestureCases, row: GestureRow, staff: Staffer, at: number): Promise<number> {
  const { interactionId } = await cases.postGesture(tx, {
    caseId: row.case_id,
    customerId: row.customer_id,
    text: describe(row),
    department: staff.department ?? 'support',
    staffId: row.issued_by,
    properties: {
      gestureId: row.id,
      kind: row.kind,
      amount: row.amount,
      currency: row.currency,
      approvedBy: row.decided_by,
    },
    at,
  });
  await store.setGestureInteraction(tx, row.id, interactionId);
  return interactionId;
}

export async function issueGesture(
  db: Db,
  cases: GestureCases,
  caseId: string,
  request: GestureRequest,
  staff: Staffer,
  actor: Actor,
): Promise<GestureView> {
  if (!isCurrency(request.currency)) throw invalid('currency', 'An ISO 4217 currency code such as USD');
  const amount = toMinorUnits(request.amount, request.currency);
  if (amount === null)
    throw invalid('amount', `${request.currency} amounts have at most the currency's decimal places`);
  if ((request.kind === 'credit' || request.kind === 'refund') && amount === 0) {
    throw invalid('amount', `A ${request.kind} needs an amount above zero`);
  }
  return db.transaction(async (tx) => {
    const found = await cases.findCase(tx, caseId);
    if (!found) throw gestureErrors.error('not_found', `No case ${caseId}`);
    // Check and insert in one write transaction: two requests at once cannot both fit under a sum.
    const now = Date.now();
    const limits = await store.gestureLimitsOf(tx, staff.id, request.currency);
    const [dayStart, dayEnd] = dayAround(now, await store.workdayZoneOf(tx, staff.id));
    const pendingReason = limitBroken(amount, limits, {
      onCase: await store.issuedOnCase(tx, found.id, request.currency),
      today: await store.issuedByBetween(tx, staff.id, request.currency, dayStart, dayEnd),
    });
    const within = pendingReason === null;
    const row: GestureRow = {
      id: newId('ges'),
      case_id: found.id,
      customer_id: found.customerId,
      kind: request.kind,
      amount,
      currency: request.currency,
      reason: request.reason,
      status: within ? 'issued' : 'pending',
      issued_by: staff.id,
      decided_by: null,
      decided_at: null,
      decision_note: null,
      interaction_id: null,
      created_at: now,
      pending_reason: pendingReason,
    };
    await store.insertGesture(tx, row);
    if (within) await recordIssued(tx, cases, row, staff, now);
    await cases.recordCaseEvent(tx, found.id, now, actor, {
      gesture: { id: row.id, kind: row.kind, amount: row.amount, currency: row.currency, status: row.status },
    });
    await recordAudit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: within ? 'gesture.issued' : 'gesture.requested',
      customerId: found.customerId,
      detail: {
        gestureId: row.id,
        caseId: found.id,
        amount: row.amount,
        currency: row.currency,
        ...(within ? {} : { pendingReason }),
      },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    if (within) await refreshRuleFlags(tx, found.customerId, now);
    return toGestureView((await store.findGesture(tx, row.id))!);
  });
}

export async function decideOnGesture(
  db: Db,
  cases: GestureCases,
  gestureId: string,
  decision: { approve: boolean; note: string | null },
  approver: Staffer,
  actor: Actor,
): Promise<GestureView> {
  return db.transaction(async (tx) => {
    const row = await store.findGesture(tx, gestureId);
    if (!row) throw gestureErrors.error('not_found', `No gesture ${gestureId}`);
    if (row.status !== 'pending') throw gestureErrors.error('not_pending', `The gesture was already ${row.status}`);
    if (row.issued_by === approver.id)
      throw commonErrors.error('forbidden', 'Someone else must approve a gesture you asked for');
    // A manager approves what their own limits cover (the gesture, and the case's total with it); an admin
    // is the last word. Approving is not the approver's own giving, so their day's total does not apply.
    if (decision.approve && approver.role !== 'admin') {
      const limits = await store.gestureLimitsOf(tx, approver.id, row.currency);
      const onCase = row.case_id ? await store.issuedOnCase(tx, row.case_id, row.currency) : 0;
      const broken = limitBroken(row.amount, limits, { onCase });
      if (broken === 'gesture_limit') {
        throw gestureErrors.error(
          'above_limit',
          `This gesture is above your own limit (${formatMoney(limits.perGesture, row.currency)})`,
        );
      }
      if (broken === 'case_limit') {
        throw gestureErrors.error(
          'above_limit',
          `With this gesture the case would have ${formatMoney(onCase + row.amount, row.currency)}, above your own limit per case (${formatMoney(limits.perCase, row.currency)})`,
        );
      }
    }
    if (!roleAllows(approver.role, 'gestures:approve'))
      throw commonErrors.error('forbidden', 'Your role may not approve gestures');
    const now = Date.now();
    const status = decision.approve ? 'issued' : 'rejected';
    await store.decideGesture(tx, gestureId, {
      status,
      decidedBy: approver.id,
      at: now,
      note: decision.note,
      interactionId: null,
    });
    const decided = (await store.findGesture(tx, gestureId))!;
    if (decision.approve) await recordIssued(tx, cases, decided, approver, now);
    if (row.case_id) {
      await cases.recordCaseEvent(tx, row.case_id, now, actor, {
        gesture: { id: row.id, status, note: decision.note },
      });
    }
    await recordAudit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: decision.approve ? 'gesture.approved' : 'gesture.rejected',
      customerId: row.customer_id,
      detail: { gestureId: row.id },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    if (decision.approve) await refreshRuleFlags(tx, row.customer_id, now);
    return toGestureView((await store.findGesture(tx, gestureId))!);
  });
}

/** `canSeePii`: whether the customer's email or phone, when that is all we know of them, shows unmasked. */
export async function listPendingGestures(db: Db, limit: number, canSeePii: boolean): Promise<PendingGestureView[]> {
  const rows = await store.pendingGestures(db, limit);
  const facts = await customerLabelFactsOf(
    db,
    rows.map((row) => row.customer_id),
  );
  return rows.map((row) => {
    const known = facts.get(row.customer_id);
    return toPendingGestureView(row, known ? customerLabel(known, canSeePii) : null);
  });
}
