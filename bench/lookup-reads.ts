// What the look-up case times: the card as the app reads it, and the bare indexed read it is compared with.
import { findCustomerIdByIdentity, getContextCard, normaliseEmail } from '../src/customers/index.ts';
import { openCasesForCard } from '../src/cases/card.ts';
import type { Actor } from '../src/shared/actor.ts';
import type { Db } from '../src/store/db.ts';
import type { LatencySummary } from './stats.ts';

const AGENT: Actor = { kind: 'staff', id: 'stf_bench_agent', ip: '127.0.0.1', requestId: 'bench' };

/** The card as the app reads it: the customer found by email, her card, the view recorded. */
export async function lookUpCard(db: Db, email: string): Promise<void> {
  const id = await findCustomerIdByIdentity(db, { kind: 'email', value: normaliseEmail(email)! });
  await getContextCard(db, id, AGENT, openCasesForCard);
}

/**
 * What the card is compared with: one customer's 50 latest interactions by the timeline's index, nothing else.
 * The one place that knows the timeline's key (a re-keying of interactions changes this line only).
 */
export async function bareRead(db: Db, customerId: string): Promise<void> {
  // Keyed by profile (a customer's own profile has her id): most customers have one, as the card's own read assumes.
  await db.all('SELECT * FROM interactions WHERE profile_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 50', [
    customerId,
  ]);
}

export function describeLatency(latency: LatencySummary): string {
  return `p50 ${latency.p50Ms} ms, p90 ${latency.p90Ms} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms`;
}
