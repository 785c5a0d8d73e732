// A gesture as the API shows it.
import type { z } from 'zod';
import { fromMinorUnits } from '../shared/money.ts';
import type { GestureKind, GestureStatus, PendingReason } from './model.ts';
import type { GestureSchema, PendingGestureSchema } from './responses.ts';

/** A row of `gestures` (the table's CHECKs hold kind and status to their sets). */
export interface GestureRow {
  id: string;
  case_id: string | null;
  customer_id: string;
  kind: GestureKind;
  amount: number;
  currency: string;
  reason: string;
  status: GestureStatus;
  issued_by: string;
  issued_by_name?: string | null;
  decided_by: string | null;
  decided_at: number | null;
  decision_note: string | null;
  interaction_id: number | null;
  created_at: number;
  /** Which limit made it wait (written only from `limitBroken`). */
  pending_reason?: PendingReason | null;
}

export interface PendingGestureRow extends GestureRow {
  case_number: number | null;
  case_subject: string | null;
}

export type GestureView = z.infer<typeof GestureSchema>;

export function toGestureView(row: GestureRow): GestureView {
  return {
    id: row.id,
    caseId: row.case_id,
    customerId: row.customer_id,
    kind: row.kind,
    amount: fromMinorUnits(row.amount, row.currency),
    currency: row.currency,
    reason: row.reason,
    status: row.status,
    ...(row.status === 'pending' ? { approval: 'pending' as const } : {}),
    pendingReason: row.pending_reason ?? null,
    issuedBy: row.issued_by,
    issuedByName: row.issued_by_name ?? null,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
    decisionNote: row.decision_note,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export type PendingGestureView = z.infer<typeof PendingGestureSchema>;

export function toPendingGestureView(row: PendingGestureRow, customerLabel: string | null): PendingGestureView {
  return { ...toGestureView(row), caseNumber: row.case_number, caseSubject: row.case_subject, customerLabel };
}
