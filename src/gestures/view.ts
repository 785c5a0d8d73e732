// A gesture as the API shows it.
import { fromMinorUnits } from '../shared/money.ts';

export interface GestureRow {
  id: string;
  case_id: string | null;
  customer_id: string;
  kind: string;
  amount: number;
  currency: string;
  reason: string;
  status: string;
  issued_by: string;
  issued_by_name?: string | null;
  decided_by: string | null;
  decided_at: number | null;
  decision_note: string | null;
  interaction_id: number | null;
  created_at: number;
  /** Which limit made it wait: `gesture_limit`, `case_limit` or `day_limit`. */
  pending_reason?: string | null;
}

export interface PendingGestureRow extends GestureRow {
  case_number: number | null;
  case_subject: string | null;
}

export interface GestureView {
  id: string;
  caseId: string | null;
  customerId: string;
  kind: string;
  amount: number;
  currency: string;
  reason: string;
  status: string;
  /** Present while the gesture waits for a manager. */
  approval?: 'pending';
  /** Which of the issuer's limits made it wait (`gesture_limit`, `case_limit`, `day_limit`); null if it never waited. */
  pendingReason: string | null;
  issuedBy: string;
  issuedByName: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

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

/** A gesture in the approvals list: which case and customer it is for, as the approver recognises them. */
export interface PendingGestureView extends GestureView {
  caseNumber: number | null;
  caseSubject: string | null;
  /** The customer's name, else an identity (masked unless the viewer may see personal data). */
  customerLabel: string | null;
}

export function toPendingGestureView(row: PendingGestureRow, customerLabel: string | null): PendingGestureView {
  return { ...toGestureView(row), caseNumber: row.case_number, caseSubject: row.case_subject, customerLabel };
}
