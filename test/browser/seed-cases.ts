// Seeds the inbox browser tests through the real HTTP API, as an admin would set up support and a
// social bridge would deliver posts: an SLA policy, a default team, staff of each role, a reply
// template, a named customer on X and a queue of cases big enough to page.
import assert from 'node:assert/strict';
import { http, type TestServer } from '../helpers/server.ts';

export interface SeededStaff {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface SeededInbox {
  agent: SeededStaff;
  manager: SeededStaff;
  viewer: SeededStaff;
  teamId: string;
  templateId: string;
  /** Maria Garcia's case: the newest one, opened from her post on X a minute ago. */
  mariaCase: { id: string; number: number; customerId: string };
  /** A case opened three hours ago whose first-response clock has run out (and was swept as a breach). */
  lateCase: { id: string; number: number };
  /** How many cases the agent has in Mine. */
  mineCount: number;
}

/** The agent may give up to €50 without approval; the manager approves up to €500. */
export const AGENT_LIMIT = { amount: 50, currency: 'EUR' };
const MANAGER_LIMIT = { amount: 500, currency: 'EUR' };
const FILLER_CASES = 26;
const MINUTE = 60_000;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

async function call(
  server: TestServer,
  method: string,
  path: string,
  body?: unknown,
  expected = [200, 201],
): Promise<any> {
  const response = await http(method, `${server.url}${path}`, { token: server.token, body });
  assert.ok(
    expected.includes(response.status),
    `${method} ${path} → ${response.status}: ${JSON.stringify(response.body)}`,
  );
  return response.body;
}

async function staffMember(
  server: TestServer,
  role: string,
  name: string,
  changes: Record<string, unknown>,
): Promise<SeededStaff> {
  const member = {
    email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
    name,
    role,
    password: `${role} password 123`,
  };
  const created = await call(server, 'POST', '/api/staff', member);
  if (Object.keys(changes).length > 0) await call(server, 'PATCH', `/api/staff/${created.id}`, changes);
  return { id: created.id, email: member.email, name, password: member.password };
}

function post(id: string, author: string, createdAt: string, text: string) {
  return { tweet_id: id, author_id: author, inbound: true, created_at: createdAt, text, in_response_to_tweet_id: null };
}

async function posts(server: TestServer, items: object[]): Promise<void> {
  const response = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { network: 'x', posts: items },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
}

export async function seedInbox(server: TestServer): Promise<SeededInbox> {
  // Around the clock, so the timers run whatever hour the test runs at.
  const policy = await call(server, 'POST', '/api/sla-policies', {
    name: 'Standard',
    businessHoursOnly: false,
    targets: { normal: { firstResponse: 60, nextResponse: 120, resolution: 24 * 60 } },
  });
  // A new install has a default Support team; it takes this policy, around the clock.
  const teams = await call(server, 'GET', '/api/teams');
  const installed = teams.items.find((item: { isDefault: boolean }) => item.isDefault);
  const settings = {
    name: 'Support',
    department: 'support',
    slaPolicyId: policy.id,
    isDefault: true,
    autoAssign: true,
  };
  const team = installed
    ? await call(server, 'PUT', `/api/teams/${installed.id}`, settings)
    : await call(server, 'POST', '/api/teams', settings);
  // The agent is the team's only member, so automatic assignment gives every new case to them; the
  // manager, whom a new install also puts in the default team, leaves it.
  const agent = await staffMember(server, 'agent', 'Alex Agent', { teamId: team.id, empowermentLimit: AGENT_LIMIT });
  const manager = await staffMember(server, 'manager', 'Morgan Manager', {
    teamId: null,
    empowermentLimit: MANAGER_LIMIT,
  });
  const viewer = await staffMember(server, 'viewer', 'Vic Viewer', {});
  const template = await call(server, 'POST', '/api/templates', {
    name: 'Apology',
    body: 'Hi {{customer.firstName}}, sorry about the wait. We are looking into it now.',
  });

  // Maria is known by name from an order before she writes on X, so templates can greet her.
  await call(server, 'POST', '/api/interactions', {
    interactions: [
      {
        source: 'shop',
        sourceId: 'maria-order-1',
        customer: { handles: { x: 'mariag' }, name: 'Maria Garcia' },
        channel: 'order',
        type: 'purchase',
        event: 'Order Completed',
        properties: { orderId: 'B-77', total: 30 },
        occurredAt: minutesAgo(3 * 24 * 60),
      },
    ],
  });
  await posts(server, [
    post('900', 'latelarry', minutesAgo(180), 'Nobody has answered me for hours'),
    ...Array.from({ length: FILLER_CASES }, (_, index) =>
      post(
        String(1000 + index),
        `fan${index + 1}`,
        minutesAgo(40 - index),
        `Question number ${index + 1} about my account`,
      ),
    ),
    post('2000', 'mariag', minutesAgo(1), 'My order B-77 arrived broken, can you help?'),
  ]);

  const mine = await call(server, 'GET', `/api/cases?assigneeId=${agent.id}&limit=100`);
  const maria = mine.items.find(
    (item: { subject: string; customerName: string | null }) => item.customerName === 'Maria Garcia',
  );
  assert.ok(
    maria,
    `Maria's case is assigned to the agent: ${JSON.stringify(mine.items.map((item: { customerName: string }) => item.customerName))}`,
  );
  const late = mine.items.find((item: { subject: string }) => /Nobody has answered/.test(item.subject));
  assert.ok(late, 'the late case is assigned to the agent');
  return {
    agent,
    manager,
    viewer,
    teamId: team.id,
    templateId: template.id,
    mariaCase: { id: maria.id, number: maria.number, customerId: maria.customerId },
    lateCase: { id: late.id, number: late.number },
    mineCount: mine.items.length,
  };
}

export interface SeededUnnamed {
  /** A caller we know by email too (from an earlier order), but never by name. */
  emailCase: { number: number; email: string; maskedEmail: string };
  /** A caller we know only by the number they called from. */
  phoneCase: { number: number; phone: string; maskedPhone: string };
}

async function missedCall(server: TestServer, callId: string, from: string): Promise<number> {
  const response = await http('POST', `${server.url}/api/channels/phone/events`, {
    writeKey: server.writeKey,
    body: { callId, from, startedAt: Date.now() - 30_000, outcome: 'missed' },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.caseNumber;
}

/** Two customers without a name, each opening a case by phone: one known by email as well, one by the number alone. */
export async function seedUnnamedCallers(server: TestServer): Promise<SeededUnnamed> {
  await call(server, 'POST', '/api/interactions', {
    interactions: [
      {
        source: 'shop',
        sourceId: 'sam-order-1',
        customer: { email: 'sam@example.com', phone: '+14155550101' },
        channel: 'order',
        type: 'purchase',
        event: 'Order Completed',
        occurredAt: minutesAgo(60 * 24),
      },
    ],
  });
  return {
    emailCase: {
      number: await missedCall(server, 'call-sam', '+14155550101'),
      email: 'sam@example.com',
      maskedEmail: 's***@example.com',
    },
    phoneCase: {
      number: await missedCall(server, 'call-unknown', '+14155550123'),
      phone: '+14155550123',
      maskedPhone: '+1415*****23',
    },
  };
}

/** A customer posting on X now, as the social bridge delivers it: opens a case for `@author`. */
export async function postOnX(server: TestServer, id: string, author: string, text: string): Promise<void> {
  await posts(server, [post(id, author, new Date().toISOString(), text)]);
}
