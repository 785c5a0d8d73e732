// How support is organised, over real HTTP: teams with hours, assignment rules by skill, reply
// templates from the context card, flag rules a manager edits, notes and mentions across departments.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, http, type TestServer } from './helpers/server.ts';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server.close();
});

async function member(role: 'agent' | 'manager' | 'viewer', changes: Record<string, unknown> = {}) {
  const token = await server.staffToken(role);
  const me = await http('GET', `${server.url}/api/auth/me`, { token });
  if (Object.keys(changes).length) {
    const patched = await http('PATCH', `${server.url}/api/staff/${me.body.id}`, {
      token: server.token,
      body: changes,
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
  }
  return { token, id: me.body.id as string, email: me.body.email as string };
}

const tweet = (id: string, author: string, text: string) => ({
  tweet_id: id,
  author_id: author,
  inbound: true,
  created_at: new Date().toISOString(),
  text,
});

test('teams and SLA policies are validated; an assignment rule routes by reason to the member with the skill', async () => {
  const badTeam = await http('POST', `${server.url}/api/teams`, {
    token: server.token,
    body: {
      name: 'Night',
      timezone: 'Mars/Olympus',
      businessHours: { mon: [['18:00', '09:00']] },
      holidays: ['2026-13-01'],
    },
  });
  assert.equal(badTeam.status, 400);
  const fields = badTeam.body.errors.map((e: { field: string }) => e.field);
  assert.ok(
    fields.includes('timezone') &&
      fields.some((f: string) => f.startsWith('businessHours.mon')) &&
      fields.some((f: string) => f.startsWith('holidays')),
    fields.join(),
  );
  const badPolicy = await http('POST', `${server.url}/api/sla-policies`, {
    token: server.token,
    body: { name: 'x', targets: { normal: { firstResponse: 0 } } },
  });
  assert.equal(badPolicy.status, 400);

  const general = await http('POST', `${server.url}/api/teams`, {
    token: server.token,
    body: { name: 'General', timezone: 'Europe/Paris', businessHours: { mon: [['09:00', '17:00']] }, isDefault: true },
  });
  const billing = await http('POST', `${server.url}/api/teams`, {
    token: server.token,
    body: { name: 'Billing', department: 'finance' },
  });
  assert.equal(billing.status, 201);
  const duplicate = await http('POST', `${server.url}/api/teams`, { token: server.token, body: { name: 'Billing' } });
  assert.equal(duplicate.status, 409);

  const generalist = await member('agent', { teamId: general.body.id });
  const refunder = await member('agent', { teamId: billing.body.id, skills: ['Refunds'] });
  await member('agent', { teamId: billing.body.id, skills: [] });
  const agentCannot = await http('POST', `${server.url}/api/assignment-rules`, {
    token: generalist.token,
    body: { name: 'x', teamId: billing.body.id },
  });
  assert.equal(agentCannot.status, 403);
  const rule = await http('POST', `${server.url}/api/assignment-rules`, {
    token: server.token,
    body: {
      name: 'Refunds to billing',
      conditions: { reasons: ['refund'] },
      teamId: billing.body.id,
      skill: 'refunds',
    },
  });
  assert.equal(rule.status, 201, JSON.stringify(rule.body));
  const unknownTeam = await http('POST', `${server.url}/api/assignment-rules`, {
    token: server.token,
    body: { name: 'y', teamId: 'team_nope' },
  });
  assert.equal(unknownTeam.status, 400);
  const rulePath = `${server.url}/api/assignment-rules/${rule.body.id}`;
  assert.equal((await http('PATCH', rulePath, { token: generalist.token, body: { name: 'z' } })).status, 403);
  assert.equal((await http('PATCH', rulePath, { token: server.token, body: {} })).status, 400);
  assert.equal((await http('PATCH', rulePath, { token: server.token, body: { teamId: 'team_nope' } })).status, 400);
  assert.equal(
    (await http('PATCH', `${server.url}/api/assignment-rules/rule_nope`, { token: server.token, body: { name: 'z' } }))
      .status,
    404,
  );
  const renamed = await http('PATCH', rulePath, {
    token: server.token,
    body: { name: 'Refunds go to billing', skill: 'Refunds' },
  });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  assert.deepEqual(
    [renamed.body.id, renamed.body.name, renamed.body.skill, renamed.body.teamId],
    [rule.body.id, 'Refunds go to billing', 'refunds', billing.body.id],
  );

  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      posts: [
        tweet('501', 'payer', 'I want a refund, I was refunded nothing'),
        tweet('502', 'browser', 'where is my delivery?'),
      ],
    },
  });
  const refundCase = (await http('GET', `${server.url}/api/cases?assigneeId=${refunder.id}`, { token: server.token }))
    .body.items;
  assert.equal(refundCase.length, 1);
  assert.equal(refundCase[0].reason, 'refund');
  assert.equal(refundCase[0].teamId, billing.body.id);
  const other = (await http('GET', `${server.url}/api/cases?teamId=${general.body.id}`, { token: server.token })).body
    .items;
  assert.equal(other.length, 1);
  assert.equal(other[0].assigneeId, generalist.id, 'no rule matched: the default team');

  // Handed to the billing specialist, the case moves to billing's queue and billing's clock.
  const handed = await http('PATCH', `${server.url}/api/cases/${other[0].id}`, {
    token: generalist.token,
    body: { assigneeId: refunder.id },
  });
  assert.equal(handed.status, 200, JSON.stringify(handed.body));
  assert.equal(handed.body.teamId, billing.body.id);
  const kept = await http('PATCH', `${server.url}/api/cases/${other[0].id}`, {
    token: generalist.token,
    body: { assigneeId: generalist.id, teamId: billing.body.id },
  });
  assert.equal(kept.body.teamId, billing.body.id, 'a team named in the same change wins');
  await http('PATCH', `${server.url}/api/cases/${other[0].id}`, {
    token: generalist.token,
    body: { assigneeId: generalist.id, teamId: general.body.id },
  });

  const teams = await http('GET', `${server.url}/api/teams`, { token: generalist.token });
  const billingView = teams.body.items.find((t: { id: string }) => t.id === billing.body.id);
  assert.deepEqual(billingView.members.map((m: { load: number }) => m.load).sort(), [0, 1]);
});

test('reply templates: unknown variables are refused; the rendered text comes from the customer and the case', async () => {
  const sample = await http('POST', `${server.url}/api/templates/preview`, {
    token: server.token,
    body: { body: 'Hi {{customer.firstName}}, about order {{lastOrder.id}}' },
  });
  assert.equal(sample.status, 200, JSON.stringify(sample.body));
  assert.equal(sample.body.text, 'Hi Jane, about order A-1001');
  const badPreview = await http('POST', `${server.url}/api/templates/preview`, {
    token: server.token,
    body: { body: 'Hi {{customer.nick}}' },
  });
  assert.equal(badPreview.status, 400);
  assert.equal(badPreview.body.errors[0].field, 'body');
  const bad = await http('POST', `${server.url}/api/templates`, {
    token: server.token,
    body: { name: 'Oops', body: 'Hi {{customer.fristName}}' },
  });
  assert.equal(bad.status, 400);
  assert.match(bad.body.detail, /Unknown variable \{\{customer\.fristName\}\}/);
  const broken = await http('POST', `${server.url}/api/templates`, {
    token: server.token,
    body: { name: 'Broken', body: 'Hi {{#customer.name}}' },
  });
  assert.equal(broken.status, 400);
  const created = await http('POST', `${server.url}/api/templates`, {
    token: server.token,
    body: {
      name: 'Sorry',
      body: 'Hi {{customer.firstName}}, sorry about case #{{case.number}}.{{#lastOrder.id}} Your order {{lastOrder.id}} is noted.{{/lastOrder.id}} — {{agent.firstName}}, {{company.name}}',
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));

  const agent = await member('agent');
  await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          source: 'shop',
          sourceId: 'o-77',
          customer: { handles: { x: 'maria' }, name: 'Maria Garcia' },
          channel: 'order',
          type: 'purchase',
          event: 'Order Completed',
          properties: { orderId: 'B-77', total: 30 },
        },
      ],
    },
  });
  const posted = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('601', 'maria', 'my order B-77 is late')] },
  });
  const caseId = (await http('GET', `${server.url}/api/cases?limit=1`, { token: agent.token })).body.items[0].id;
  assert.equal(posted.body.casesOpened, 1);
  const number = (await http('GET', `${server.url}/api/cases/${caseId}`, { token: agent.token })).body.number;
  const preview = await http('GET', `${server.url}/api/cases/${caseId}/templates/${created.body.id}`, {
    token: agent.token,
  });
  assert.equal(preview.status, 200);
  assert.equal(preview.body.text, `Hi Maria, sorry about case #${number}. Your order B-77 is noted. — agent, Rapport`);
  const sent = await http('POST', `${server.url}/api/cases/${caseId}/replies`, {
    token: agent.token,
    body: { templateId: created.body.id },
  });
  assert.equal(sent.status, 201);
  assert.equal(sent.body.text, preview.body.text);
  const nothing = await http('POST', `${server.url}/api/cases/${caseId}/replies`, { token: agent.token, body: {} });
  assert.equal(nothing.status, 400);
});

test('flag rules: a manager edits them, bad parameters are refused, and VIP follows lifetime value', async () => {
  const agent = await member('agent');
  const manager = await member('manager');
  const rules = await http('GET', `${server.url}/api/flag-rules`, { token: agent.token });
  assert.deepEqual(
    rules.body.items.map((r: { flag: string }) => r.flag),
    ['at_risk', 'needs_extra_support', 'past_issues', 'vip'],
  );
  assert.equal(
    (await http('PATCH', `${server.url}/api/flag-rules/vip`, { token: agent.token, body: { enabled: false } })).status,
    403,
  );
  const bad = await http('PATCH', `${server.url}/api/flag-rules/vip`, {
    token: manager.token,
    body: { params: { lifetimeValue: -5 } },
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].field, 'params.lifetimeValue');
  const lowered = await http('PATCH', `${server.url}/api/flag-rules/vip`, {
    token: manager.token,
    body: { params: { lifetimeValue: 100 } },
  });
  assert.equal(lowered.status, 200);
  assert.deepEqual(lowered.body.params, { lifetimeValue: 100, currency: 'USD' });
  assert.equal(
    (await http('PATCH', `${server.url}/api/flag-rules/nope`, { token: manager.token, body: { enabled: true } }))
      .status,
    404,
  );

  await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [60, 70].map((total, i) => ({
        source: 'shop',
        sourceId: `big-${i}`,
        customer: { handles: { x: 'bigspender' }, name: 'Big Spender' },
        channel: 'order',
        type: 'purchase',
        event: 'Order Completed',
        properties: { total, currency: 'USD' },
      })),
    },
  });
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('701', 'bigspender', 'quick question about sizes')] },
  });
  const card = await http('GET', `${server.url}/api/customers/lookup?handle=x:bigspender`, { token: agent.token });
  const vip = card.body.flags.find((f: { flag: string }) => f.flag === 'vip');
  assert.ok(vip, JSON.stringify(card.body.flags));
  assert.equal(vip.source, 'rule');
  assert.match(vip.reason, /Lifetime value 130\.00 USD/);
});

test('notes: any department writes on a customer or a case, and @mentions reach colleagues', async () => {
  const agent = await member('agent');
  const inStore = await member('viewer', { department: 'in_store' });
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('801', 'visitor', 'is the blue tote back in stock?')] },
  });
  const customer = await http('GET', `${server.url}/api/customers/lookup?handle=x:visitor`, { token: agent.token });
  const found = await http('GET', `${server.url}/api/customers?q=${encodeURIComponent('@visitor')}`, {
    token: inStore.token,
  });
  assert.deepEqual(
    found.body.items.map((c: { name: string | null; handle: string | null }) => [c.name, c.handle]),
    [[null, '@visitor']],
    'known only by a handle, still told apart',
  );
  const caseId = (await http('GET', `${server.url}/api/cases?customerId=${customer.body.id}`, { token: agent.token }))
    .body.items[0].id;

  const storeNote = await http('POST', `${server.url}/api/customers/${customer.body.id}/notes`, {
    token: inStore.token,
    body: { text: `Came in today, loved the blue tote. @${agent.email.split('@')[0]} she may write again.` },
  });
  assert.equal(storeNote.status, 201, JSON.stringify(storeNote.body));
  assert.deepEqual(storeNote.body.mentioned, [agent.id]);
  const caseNote = await http('POST', `${server.url}/api/cases/${caseId}/notes`, {
    token: agent.token,
    body: { text: `@${inStore.email} thanks, noted` },
  });
  assert.equal(caseNote.status, 201);
  assert.equal(caseNote.body.kind, 'note');
  assert.equal(caseNote.body.direction, 'internal');

  const mentions = await http('GET', `${server.url}/api/mentions`, { token: agent.token });
  assert.equal(mentions.body.items.length, 1);
  assert.match(mentions.body.items[0].text, /loved the blue tote/);
  assert.equal(mentions.body.items[0].read, false);
  assert.equal(
    (await http('POST', `${server.url}/api/mentions/${mentions.body.items[0].id}/read`, { token: agent.token })).status,
    204,
  );
  assert.equal(
    (await http('POST', `${server.url}/api/mentions/${mentions.body.items[0].id}/read`, { token: inStore.token }))
      .status,
    404,
    'not hers',
  );
  assert.equal((await http('GET', `${server.url}/api/mentions`, { token: agent.token })).body.items[0].read, true);

  // The case note mentions the in-store colleague: she sees which case, and opening it is reading it.
  const hers = (await http('GET', `${server.url}/api/mentions`, { token: inStore.token })).body.items;
  assert.deepEqual(
    hers.map((m: { caseId: string; caseSubject: string; read: boolean }) => [m.caseId, m.caseSubject, m.read]),
    [[caseId, 'is the blue tote back in stock?', false]],
  );
  assert.equal(hers[0].messageId, caseNote.body.id);
  assert.equal((await http('GET', `${server.url}/api/cases/${caseId}`, { token: inStore.token })).status, 200);
  assert.equal((await http('GET', `${server.url}/api/mentions`, { token: inStore.token })).body.items[0].read, true);

  const timeline = await http('GET', `${server.url}/api/customers/${customer.body.id}/timeline`, {
    token: agent.token,
  });
  const note = timeline.body.items.find(
    (i: { type: string; channel: string }) => i.type === 'note' && i.channel === 'in_store',
  );
  assert.ok(note, 'the in-store note is on her timeline');
  assert.equal(note.department, 'in_store');
  const unknown = await http('POST', `${server.url}/api/customers/cus_nope/notes`, {
    token: inStore.token,
    body: { text: 'x' },
  });
  assert.equal(unknown.status, 404);
});

test('case settings: the repeat window is configurable and validated', async () => {
  const agent = await member('agent');
  assert.deepEqual((await http('GET', `${server.url}/api/settings/cases`, { token: agent.token })).body, {
    repeatWindowDays: 7,
    threadWindowHours: 72,
    autoCloseAfterDays: 4,
  });
  assert.equal(
    (await http('PATCH', `${server.url}/api/settings/cases`, { token: agent.token, body: { repeatWindowDays: 14 } }))
      .status,
    403,
  );
  assert.equal(
    (await http('PATCH', `${server.url}/api/settings/cases`, { token: server.token, body: { repeatWindowDays: 0 } }))
      .status,
    400,
  );
  const changed = await http('PATCH', `${server.url}/api/settings/cases`, {
    token: server.token,
    body: { repeatWindowDays: 14 },
  });
  assert.deepEqual(changed.body, { repeatWindowDays: 14, threadWindowHours: 72, autoCloseAfterDays: 4 });
});

test('teams and SLA policies are archived, not deleted: refused while in use, kept for the cases that used them, restorable', async () => {
  const policy = await http('POST', `${server.url}/api/sla-policies`, {
    token: server.token,
    body: { name: 'Seasonal', targets: { normal: { resolution: 600 } } },
  });
  assert.equal(policy.status, 201);
  const team = await http('POST', `${server.url}/api/teams`, {
    token: server.token,
    body: { name: 'Holiday desk', slaPolicyId: policy.body.id },
  });
  const helper = await member('agent', { teamId: team.body.id });
  const rule = await http('POST', `${server.url}/api/assignment-rules`, {
    token: server.token,
    body: { name: 'Gift questions', conditions: { keywords: ['gift card'] }, teamId: team.body.id },
  });
  assert.equal(rule.status, 201);
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('9101', 'giver', 'my gift card code is not working')] },
  });
  const queue = await http('GET', `${server.url}/api/cases?queue=all&limit=50`, { token: server.token });
  const giftCase = queue.body.items.find((c: { subject: string }) => /gift card/.test(c.subject));
  assert.equal(giftCase.teamId, team.body.id, 'the rule sent the case to the team');

  const manager = await member('manager');
  assert.equal(
    (await http('POST', `${server.url}/api/teams/${team.body.id}/archive`, { token: helper.token })).status,
    403,
    'agents cannot archive',
  );
  const inUse = await http('POST', `${server.url}/api/teams/${team.body.id}/archive`, { token: manager.token });
  assert.equal(inUse.status, 409);
  assert.deepEqual(inUse.body.errors.map((e: { field: string }) => e.field).sort(), ['assignmentRules', 'cases']);
  const policyInUse = await http('POST', `${server.url}/api/sla-policies/${policy.body.id}/archive`, {
    token: manager.token,
  });
  assert.equal(policyInUse.status, 409);
  assert.match(policyInUse.body.errors[0].reason, /Holiday desk/);

  assert.equal(
    (await http('DELETE', `${server.url}/api/assignment-rules/${rule.body.id}`, { token: manager.token })).status,
    204,
  );
  assert.equal(
    (
      await http('PATCH', `${server.url}/api/cases/${giftCase.id}`, {
        token: manager.token,
        body: { status: 'resolved' },
      })
    ).status,
    200,
  );
  const archived = await http('POST', `${server.url}/api/teams/${team.body.id}/archive`, { token: manager.token });
  assert.equal(archived.status, 200, JSON.stringify(archived.body));
  assert.ok(archived.body.archivedAt);
  assert.equal(archived.body.membersMoved, 1);
  const defaultTeam = (await http('GET', `${server.url}/api/teams`, { token: server.token })).body.items.find(
    (t: { isDefault: boolean }) => t.isDefault,
  );
  const staff = (await http('GET', `${server.url}/api/staff`, { token: server.token })).body.items;
  assert.equal(
    staff.find((s: { id: string }) => s.id === helper.id).teamId,
    defaultTeam.id,
    'its member now works in the default team',
  );

  const listed = await http('GET', `${server.url}/api/teams`, { token: server.token });
  assert.ok(!listed.body.items.some((t: { id: string }) => t.id === team.body.id), 'archived teams are not offered');
  const all = await http('GET', `${server.url}/api/teams?include=archived`, { token: server.token });
  assert.ok(all.body.items.some((t: { id: string }) => t.id === team.body.id));
  const stillThere = await http('GET', `${server.url}/api/cases/${giftCase.id}`, { token: server.token });
  assert.equal(stillThere.body.teamId, team.body.id, 'the case keeps the team that handled it');
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('9102', 'giver2', 'where is my parcel')] },
  });
  const otherCase = (
    await http('GET', `${server.url}/api/cases?queue=all&limit=50`, { token: server.token })
  ).body.items.find((c: { subject: string }) => /where is my parcel/.test(c.subject));
  for (const [path, body] of [
    ['/api/assignment-rules', { name: 'z', teamId: team.body.id }],
    [`/api/staff/${helper.id}`, { teamId: team.body.id }],
    [`/api/cases/${otherCase.id}`, { teamId: team.body.id }],
  ] as const) {
    const refused = await http(path.startsWith('/api/assignment') ? 'POST' : 'PATCH', `${server.url}${path}`, {
      token: server.token,
      body,
    });
    assert.equal(refused.status, 400, path);
    assert.equal(refused.body.errors[0].field, 'teamId', path);
  }
  const unknown = await http('PATCH', `${server.url}/api/cases/${otherCase.id}`, {
    token: server.token,
    body: { teamId: 'team_nope' },
  });
  assert.equal(unknown.status, 400, 'an unknown team is refused too (it used to fall back to the default team)');

  const policyArchived = await http('POST', `${server.url}/api/sla-policies/${policy.body.id}/archive`, {
    token: manager.token,
  });
  assert.equal(policyArchived.status, 200, 'no active team runs on it any more');
  assert.ok(
    !(await http('GET', `${server.url}/api/sla-policies`, { token: server.token })).body.items.some(
      (p: { id: string }) => p.id === policy.body.id,
    ),
  );
  const newTeamOnIt = await http('POST', `${server.url}/api/teams`, {
    token: server.token,
    body: { name: 'Late shift', slaPolicyId: policy.body.id },
  });
  assert.equal(newTeamOnIt.status, 400);
  assert.equal(
    (await http('POST', `${server.url}/api/teams/${team.body.id}/restore`, { token: manager.token })).status,
    409,
    'its policy is archived',
  );
  assert.equal(
    (await http('POST', `${server.url}/api/sla-policies/${policy.body.id}/restore`, { token: manager.token })).status,
    200,
  );
  const restored = await http('POST', `${server.url}/api/teams/${team.body.id}/restore`, { token: manager.token });
  assert.equal(restored.status, 200);
  assert.equal(restored.body.archivedAt, null);
  assert.equal(
    (await http('POST', `${server.url}/api/teams/${defaultTeam.id}/archive`, { token: manager.token })).status,
    409,
    'the default team stays',
  );
});
