// Seeds the browser tests' customers through the real ingestion APIs, as a Segment source and an integration would.

export interface SeedTarget {
  url: string;
  writeKey: string;
  token: string;
}

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function post(target: SeedTarget, path: string, authorization: string, body: unknown): Promise<void> {
  const response = await fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} → ${response.status}: ${await response.text()}`);
}

function segmentBatch(target: SeedTarget, batch: object[]): Promise<void> {
  const basic = Buffer.from(`${target.writeKey}:`).toString('base64');
  return post(target, '/v1/batch', `Basic ${basic}`, { batch });
}

function interactions(target: SeedTarget, items: object[]): Promise<void> {
  return post(target, '/api/interactions', `Bearer ${target.token}`, { interactions: items });
}

async function api<T>(target: SeedTarget, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${target.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${target.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface SeededJane {
  janeId: string;
  /** A second profile of hers (from a helpdesk) that was merged into janeId. */
  absorbedId: string;
}

/**
 * Jane: identified by Segment, ate three red apples, asked Support about a refund by email and got a reply,
 * has an X handle, a Shopify id, a stated preference, a VIP flag, and an old helpdesk profile merged in.
 */
export async function seedJane(target: SeedTarget): Promise<SeededJane> {
  await segmentBatch(target, [
    {
      type: 'identify',
      userId: 'u1',
      traits: { name: 'Jane Doe', email: 'jane@example.com', phone: '+14155550123', plan: 'pro' },
      messageId: 'jane-identify',
      timestamp: daysAgo(30),
    },
    ...[10, 9, 8].map((days, index) => ({
      type: 'track',
      userId: 'u1',
      event: 'Item Consumed',
      properties: { item: 'apple', color: 'red' },
      messageId: `jane-apple-${index}`,
      timestamp: daysAgo(days),
    })),
  ]);
  await interactions(target, [
    {
      customer: { email: 'jane@example.com', handles: { x: '@janedoe' }, externalIds: { shopify: '123' } },
      channel: 'email',
      direction: 'inbound',
      type: 'message',
      department: 'support',
      text: 'Where is my refund?',
      occurredAt: daysAgo(6),
      sourceId: 'jane-refund-1',
      preferences: { 'contact.channel': 'email' },
    },
    {
      customer: { email: 'jane@example.com' },
      channel: 'email',
      direction: 'outbound',
      type: 'message',
      department: 'support',
      actor: 'Sam (Support)',
      text: 'Sorry for the wait, Jane. The refund went out today.',
      occurredAt: daysAgo(5),
      sourceId: 'jane-refund-2',
    },
    {
      customer: { externalIds: { zendesk: 'z-77' }, name: 'J. Doe' },
      channel: 'web_form',
      type: 'ticket',
      department: 'support',
      text: 'My parcel arrived damaged.',
      occurredAt: daysAgo(20),
      sourceId: 'jane-helpdesk-1',
    },
  ]);
  const jane = await api<{ id: string }>(target, 'GET', '/api/customers/lookup?email=jane%40example.com');
  const helpdesk = await api<{ id: string }>(target, 'GET', '/api/customers/lookup?external=zendesk%3Az-77');
  await api(target, 'PUT', `/api/customers/${jane.id}/flags/vip`, { reason: 'Top 1% of spend' });
  await api(target, 'POST', `/api/customers/${jane.id}/merges`, { absorbedId: helpdesk.id });
  return { janeId: jane.id, absorbedId: helpdesk.id };
}

/** Pat: exactly `count` chat messages and nothing else, so the timeline needs paging. */
export async function seedPat(target: SeedTarget, count: number): Promise<void> {
  await interactions(
    target,
    Array.from({ length: count }, (_, index) => ({
      customer: { email: 'pat@example.com' },
      channel: 'chat',
      direction: index % 2 === 0 ? 'inbound' : 'outbound',
      type: 'message',
      department: 'support',
      text: `Chat message ${index + 1}`,
      occurredAt: new Date(Date.now() - (count - index) * 60_000).toISOString(),
      sourceId: `pat-chat-${index + 1}`,
    })),
  );
}

/** A customer known only by one emailed message: enough to search for, open, merge or erase. */
export async function seedCustomer(
  target: SeedTarget,
  customer: { name: string; email: string; text: string },
): Promise<string> {
  await interactions(target, [
    {
      customer: { email: customer.email, name: customer.name },
      channel: 'email',
      direction: 'inbound',
      type: 'message',
      department: 'support',
      text: customer.text,
      occurredAt: daysAgo(2),
      sourceId: `seed-${customer.email}`,
    },
  ]);
  const found = await api<{ id: string }>(
    target,
    'GET',
    `/api/customers/lookup?email=${encodeURIComponent(customer.email)}`,
  );
  return found.id;
}
