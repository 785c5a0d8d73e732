// What the API and the inbox show of a case: times as ISO strings, the SLA clocks with their
// breaches, the conversation, the gestures, and what to call the customer.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { customerLabel, customerLabelFactsOf } from '../customers/index.ts';
import { insightOf } from '../interactions/index.ts';
import type { CaseRecord } from './model.ts';
import type { CaseDetailSchema, CaseMessageSchema, CaseSummarySchema } from './responses.ts';
import type { CaseMessageRow } from './store.ts';
import type { Breach } from '../sla/index.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A case in a queue; `customerLabel` is added per viewer (`withCustomerLabels`). */
export type CaseSummary = Omit<z.infer<typeof CaseSummarySchema>, 'customerLabel'>;

export type CaseMessageView = z.infer<typeof CaseMessageSchema>;

/** One case with its conversation, gestures, repeats, history and merges; `customerLabel` is added per viewer. */
export type CaseDetail = Omit<z.infer<typeof CaseDetailSchema>, 'customerLabel'>;

/** The clock that runs out first among those still running. */
export function nextDueAt(c: CaseRecord): number | null {
  if (c.status !== 'new' && c.status !== 'open' && c.status !== 'pending') return null;
  const resolution = c.resolutionPausedAt === null ? c.resolutionDueAt : null;
  const running = [c.firstResponseAt === null ? c.firstResponseDueAt : null, c.nextResponseDueAt, resolution].filter(
    (due): due is number => due !== null,
  );
  return running.length ? Math.min(...running) : null;
}

export function toCaseSummary(
  c: CaseRecord,
  names: { customer: string | null; assignee: string | null },
  breaches: Breach[],
): CaseSummary {
  return {
    id: c.id,
    number: c.number,
    customerId: c.customerId,
    customerName: names.customer,
    subject: c.subject,
    channel: c.channel,
    status: c.status,
    priority: c.priority,
    reason: c.reason,
    tags: c.tags,
    assigneeId: c.assigneeId,
    assigneeName: names.assignee,
    teamId: c.teamId,
    openedAt: iso(c.openedAt)!,
    firstResponseAt: iso(c.firstResponseAt),
    lastInboundAt: iso(c.lastInboundAt),
    lastOutboundAt: iso(c.lastOutboundAt),
    resolvedAt: iso(c.resolvedAt),
    closedAt: iso(c.closedAt),
    contactCount: c.contactCount,
    reopenCount: c.reopenCount,
    repeatOf: c.repeatOf,
    firstContactResolution: c.firstContactResolution,
    sla: {
      policyId: c.slaPolicyId,
      firstResponseDueAt: iso(c.firstResponseDueAt),
      nextResponseDueAt: iso(c.nextResponseDueAt),
      resolutionDueAt: iso(c.resolutionDueAt),
      resolutionPausedAt: iso(c.resolutionPausedAt),
      nextDueAt: iso(nextDueAt(c)),
      breaches: breaches.map((breach) => ({ metric: breach.metric, dueAt: iso(breach.dueAt)! })),
    },
    updatedAt: iso(c.updatedAt)!,
  };
}

export function toMessageView(row: CaseMessageRow): CaseMessageView {
  return {
    id: row.id,
    interactionId: String(row.interaction_id),
    kind: row.kind,
    channel: row.channel,
    direction: row.direction,
    text: row.text,
    at: iso(row.at)!,
    author: row.author_staff_id ? { staffId: row.author_staff_id, name: row.author_name } : null,
    delivery: row.delivery
      ? { status: row.delivery, attempts: row.delivery_attempts, error: row.delivery_error }
      : null,
    externalId: row.external_id,
    properties: row.properties ? (JSON.parse(row.properties) as Record<string, unknown>) : {},
    fromCase:
      row.origin_case_id && row.origin_number !== null ? { id: row.origin_case_id, number: row.origin_number } : null,
    insight: insightOf(row),
  };
}

/** Cases (or anything of a customer) with `customerLabel` added, masked for the viewer's role. */
export async function withCustomerLabels<T extends { customerId: string }>(
  db: Db,
  items: readonly T[],
  canSeePii: boolean,
): Promise<Array<T & { customerLabel: string | null }>> {
  const facts = await customerLabelFactsOf(
    db,
    items.map((item) => item.customerId),
  );
  return items.map((item) => {
    const known = facts.get(item.customerId);
    return { ...item, customerLabel: known ? customerLabel(known, canSeePii) : null };
  });
}
