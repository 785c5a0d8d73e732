// What the case route files share: customer labels masked by role, and a short wait for the outbox.
import type { RequestContext } from '../http/context.ts';
import { withCustomerLabels } from './view.ts';

/** `customerLabel` on each case: what the inbox calls a customer, masked unless the role sees personal data. */
export function labelled<T extends { customerId: string }>(ctx: RequestContext, items: readonly T[]) {
  return withCustomerLabels(ctx.db, items, ctx.can('customers:pii'));
}

export async function labelledOne<T extends { customerId: string }>(ctx: RequestContext, item: T) {
  return (await labelled(ctx, [item]))[0]!;
}

/** Sends queued replies without holding up the answer for long: a slow mail server only delays delivery. */
export async function flushSoon(ctx: RequestContext): Promise<void> {
  await Promise.race([ctx.flushOutbox(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
}
