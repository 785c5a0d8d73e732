// The case: one matter a customer raised, carried from the first contact to resolution.
import type { Channel } from '../interactions/index.ts';
import type { CaseStatus } from '../shared/case-status.ts';
import type { CasePriority } from '../shared/priority.ts';

export { CASE_STATUSES, type CaseStatus } from '../shared/case-status.ts';
export { CASE_PRIORITIES, type CasePriority } from '../shared/priority.ts';
export { SLA_METRICS, type SlaMetric } from '../sla/index.ts';

export const MESSAGE_KINDS = ['inbound', 'reply', 'note', 'call', 'gesture'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** What became of a reply handed to a channel: waiting in the outbox, sent, or given up on. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface CaseRecord {
  id: string;
  number: number;
  customerId: string;
  subject: string;
  channel: Channel;
  status: CaseStatus;
  priority: CasePriority;
  reason: string | null;
  tags: string[];
  assigneeId: string | null;
  teamId: string | null;
  slaPolicyId: string | null;
  openedAt: number;
  firstResponseAt: number | null;
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  firstResponseDueAt: number | null;
  nextResponseDueAt: number | null;
  resolutionDueAt: number | null;
  reopenCount: number;
  contactCount: number;
  repeatOf: string | null;
  firstContactResolution: boolean | null;
  /** While pending the resolution clock stands still: since when, else null. */
  resolutionPausedAt: number | null;
  updatedAt: number;
}

/** Which statuses a person may move a case to from each status. Closed is final: a new contact opens a new case. */
const ALLOWED: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return from === to || ALLOWED[from].includes(to);
}

export function isActive(status: CaseStatus): boolean {
  return status === 'new' || status === 'open' || status === 'pending';
}

/** The status a case takes when the customer writes again: the matter is live once more. */
export function statusAfterInbound(status: CaseStatus): CaseStatus {
  return status === 'new' ? 'new' : 'open';
}

/**
 * First-contact resolution (domain.md): resolved after one inbound contact, never reopened, and no
 * later case came back about the same matter.
 */
export function isFirstContactResolution(
  c: Pick<CaseRecord, 'contactCount' | 'reopenCount'>,
  hasRepeat: boolean,
): boolean {
  return c.contactCount <= 1 && c.reopenCount === 0 && !hasRepeat;
}
