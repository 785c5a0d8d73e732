// The trends of what customers write: counts of both periods in one query, the movers ranked, a few example
// messages per key in another, and a view in the audit trail for each customer whose words are shown.
import { recordView } from '../audit/index.ts';
import { type Actor, auditActor } from '../shared/actor.ts';
import type { Db } from '../store/db.ts';
import { EXAMPLE_LENGTH, EXAMPLES_PER_KEY, excerpt, isoOf, type TrendPlan, tallyTrends } from './model.ts';
import type { TrendExample, Trends } from './responses.ts';
import { countTrends, type ExampleRow, trendExamples } from './store.ts';

/** The audit action of a customer's messages shown as trend examples. */
export const EXAMPLES_VIEWED = 'customer.messages_viewed';

/**
 * Trends for a validated plan (model's planTrends). Two reads however long the period; the examples' customers
 * are audited, one view each, naming the messages shown.
 */
export async function trendsOf(db: Db, plan: TrendPlan, actor: Actor): Promise<Trends> {
  const tally = tallyTrends(plan, await countTrends(db, plan));
  // Whitespace folds when a text is cut: read more than is shown, never the whole of a long message.
  const rows = await trendExamples(db, plan, EXAMPLES_PER_KEY, EXAMPLE_LENGTH * 2);
  const examples = new Map<string | null, TrendExample[]>();
  for (const row of rows) examples.set(row.key, [...(examples.get(row.key) ?? []), exampleView(row)]);
  await recordViews(db, rows, actor);
  return {
    by: plan.by,
    interval: plan.interval,
    timeZone: plan.timeZone,
    channel: plan.channel,
    from: isoOf(plan.from, plan.timeZone),
    to: isoOf(plan.to, plan.timeZone),
    previousFrom: isoOf(plan.previousFrom, plan.timeZone),
    previousTo: isoOf(plan.previousTo, plan.timeZone),
    total: tally.total,
    previousTotal: tally.previousTotal,
    buckets: tally.buckets,
    series: tally.series,
    keys: tally.keys.map((key) => ({ ...key, examples: examples.get(key.key) ?? [] })),
  };
}

function exampleView(row: ExampleRow): TrendExample {
  return {
    interactionId: String(row.id),
    customerId: row.customer_id,
    caseId: row.case_id,
    channel: row.channel,
    occurredAt: new Date(row.occurred_at).toISOString(),
    text: excerpt(row.text),
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score,
    urgent: row.urgent === 1,
    reason: row.reason,
    reasonConfidence: row.reason_confidence,
  };
}

/** One view per customer shown, with the messages of hers that were. */
async function recordViews(db: Db, rows: readonly ExampleRow[], actor: Actor): Promise<void> {
  const shown = new Map<string, string[]>();
  for (const row of rows) shown.set(row.customer_id, [...(shown.get(row.customer_id) ?? []), String(row.id)]);
  for (const [customerId, interactionIds] of shown) {
    await recordView(db, {
      ...auditActor(actor),
      action: EXAMPLES_VIEWED,
      customerId,
      detail: { interactionIds, shownIn: 'trends' },
    });
  }
}
