// A response counts when the customer can have it: a reply handed to its channel (the outbox), or one
// the channel reports as sent (a brand post in a feed). It stops the first- and next-response clocks,
// at its own time: late is a breach, on time is met — even if the sweep had already called it late.
import type { Db } from '../store/db.ts';
import { recordBreach, withdrawBreach } from '../sla/index.ts';
import { refreshRuleFlags } from '../flags/index.ts';
import type { CaseRecord, SlaMetric } from './model.ts';
import * as store from './store.ts';

/** Applies a response sent at `at` to the case's SLA clocks; returns the case as changed. */
export async function countResponse(tx: Db, current: CaseRecord, at: number): Promise<CaseRecord> {
  let withdrawn = false;
  const settle = async (metric: SlaMetric, dueAt: number) => {
    if (at > dueAt) await recordBreach(tx, current.id, metric, dueAt, at);
    else if (await withdrawBreach(tx, current.id, metric, dueAt)) withdrawn = true;
  };
  if (current.firstResponseAt === null && current.firstResponseDueAt !== null)
    await settle('first_response', current.firstResponseDueAt);
  if (current.nextResponseDueAt !== null) await settle('next_response', current.nextResponseDueAt);
  const changes: Partial<CaseRecord> = {
    firstResponseAt: current.firstResponseAt ?? at,
    lastOutboundAt: Math.max(current.lastOutboundAt ?? 0, at),
    nextResponseDueAt: null,
  };
  await store.updateCase(tx, current.id, changes, Date.now());
  // A breach taken back may take her at-risk flag with it.
  if (withdrawn) await refreshRuleFlags(tx, current.customerId, Date.now(), ['at_risk']);
  return { ...current, ...changes };
}

/** The same for a reply the outbox has just handed to its channel. */
export async function countDeliveredReply(tx: Db, caseId: string, sentAt: number): Promise<void> {
  const current = await store.findCase(tx, caseId);
  if (current) await countResponse(tx, current, sentAt);
}
