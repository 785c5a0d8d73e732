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

/** Jane: identified by Segment, ate three red apples, then asked Support about a refund by email. */
export async function seedJane(target: SeedTarget): Promise<void> {
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
      customer: { email: 'jane@example.com' },
      channel: 'email',
      direction: 'inbound',
      type: 'message',
      department: 'support',
      text: 'Where is my refund?',
      occurredAt: daysAgo(6),
      sourceId: 'jane-refund-1',
    },
  ]);
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
