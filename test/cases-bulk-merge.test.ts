// "Take it", bulk actions and merging duplicate cases, over real HTTP and real SMTP: Jane wrote about
// one double charge through the contact form and two emails; an agent takes a case, works a queue's
// selection in one go, merges her duplicates into one case and undoes a merge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import { startTestServer, http, type TestServer } from './helpers/server.ts';
import type { SmtpListener } from '../src/channels/email/smtp-listener.ts';

let server: TestServer;
let agent: { token: string; id: string };
let otherAgent: { token: string; id: string };
let manager: { token: string; id: string };
let viewer: { token: string; id: string };
let billingTeam: string;
/** Jane's three cases about one double charge: the form, the first email, the second email. */
let form: { id: string; number: number };
let firstMail: { id: string; number: number };
let secondMail: { id: string; number: number };

async function member(role: 'agent' | 'manager' | 'viewer') {
  const token = await server.staffToken(role);
  const me = await http('GET', `${server.url}/api/auth/me`, { token });
  return { token, id: me.body.id as string };
}

function mailer() {
  const listener = server.running.channels.adapters.find((adapter) => adapter.name === 'smtp-listener') as SmtpListener;
  return nodemailer.createTransport({ host: '127.0.0.1', port: listener.port(), secure: false, ignoreTLS: true });
}

async function mail(subject: string, text: string, messageId: string, inReplyTo?: string): Promise<void> {
  await mailer().sendMail({
    from: 'Jane Doe <jane@example.com>',
    to: 'help@shop.example',
    subject,
    text,
    messageId,
    // A Date header has whole seconds: a second ahead keeps each mail after what came before it.
    date: new Date(Date.now() + 1000),
    ...(inReplyTo ? { inReplyTo, references: [inReplyTo] } : {}),
  });
}

const getCase = async (id: string | number, token = agent.token) => {
  const response = await http('GET', `${server.url}/api/cases/${id}`, { token });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body;
};

async function janesCases(): Promise<Array<{ id: string; number: number; channel: string; subject: string }>> {
  const lookup = await http('GET', `${server.url}/api/customers/lookup?email=jane@example.com`, { token: agent.token });
  const list = await http('GET', `${server.url}/api/cases?customerId=${lookup.body.id}&limit=100`, {
    token: agent.token,
  });
  return list.body.items;
}

before(async () => {
  server = await startTestServer({ env: { RAPPORT_SMTP_PORT: '0', RAPPORT_SUPPORT_ADDRESS: 'help@shop.example' } });
  agent = await member('agent');
  otherAgent = await member('agent');
  manager = await member('manager');
  viewer = await member('viewer');
  const team = await http('POST', `${server.url}/api/teams`, {
    token: server.token,
    body: { name: 'Billing', department: 'finance' },
  });
  assert.equal(team.status, 201, JSON.stringify(team.body));
  billingTeam = team.body.id;
  const moved = await http('PATCH', `${server.url}/api/staff/${otherAgent.id}`, {
    token: server.token,
    body: { teamId: billingTeam },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));

  const posted = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: { name: 'Jane Doe', email: 'jane@example.com', message: 'I was charged twice for order A-1001.' },
  });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  await mail('Charged twice', 'My card shows two charges for order A-1001.', '<first@jane.example>');
  await mail('Double charge on my card', 'Still two charges, please refund one.', '<second@jane.example>');
  const cases = await janesCases();
  assert.equal(cases.length, 3, JSON.stringify(cases));
  const pick = (subject: string) => {
    const found = cases.find((c) => c.subject === subject)!;
    return { id: found.id, number: found.number };
  };
  form = { id: posted.body.caseId ?? cases.find((c) => c.channel === 'web_form')!.id, number: posted.body.caseNumber };
  firstMail = pick('Charged twice');
  secondMail = pick('Double charge on my card');
});

after(async () => {
  await server?.close();
});

test('Take it: the case is mine and moves to my team; viewers cannot, closed cases cannot be taken', async () => {
  const taken = await http('POST', `${server.url}/api/cases/${form.number}/take`, { token: otherAgent.token });
  assert.equal(taken.status, 200, JSON.stringify(taken.body));
  assert.equal(taken.body.assigneeId, otherAgent.id);
  assert.equal(taken.body.teamId, billingTeam, 'a case follows its assignee to her team, as reassignment does');
  const history = (await getCase(form.id)).history.at(-1);
  assert.equal(history.actorId, otherAgent.id);
  assert.deepEqual(history.change.assigneeId[1], otherAgent.id);

  const mine = await http('POST', `${server.url}/api/cases/${form.id}/take`, { token: agent.token });
  assert.equal(mine.status, 200);
  assert.equal(mine.body.assigneeId, agent.id);

  const byViewer = await http('POST', `${server.url}/api/cases/${form.id}/take`, { token: viewer.token });
  assert.equal(byViewer.status, 403);
  const unknown = await http('POST', `${server.url}/api/cases/999999/take`, { token: agent.token });
  assert.equal(unknown.status, 404);
});

test('bulk: one action on many cases, case by case; refusals are reported with their reason while the rest apply', async () => {
  // A closed case of someone else, which cannot become pending.
  const other = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: { name: 'Omar Haddad', email: 'omar@example.com', message: 'Please close my account.' },
  });
  const closed = await http('PATCH', `${server.url}/api/cases/${other.body.caseNumber}`, {
    token: agent.token,
    body: { status: 'closed' },
  });
  assert.equal(closed.status, 200, JSON.stringify(closed.body));

  const ids = [firstMail.id, String(secondMail.number), closed.body.id, 'case_nope'];
  const bulk = await http('POST', `${server.url}/api/cases/bulk`, {
    token: agent.token,
    body: { ids, action: { type: 'setStatus', status: 'pending' } },
  });
  assert.equal(bulk.status, 200, JSON.stringify(bulk.body));
  assert.equal(bulk.body.applied, 2);
  assert.equal(bulk.body.refused, 2);
  assert.deepEqual(
    bulk.body.results.map((r: { id: string; ok: boolean; code?: string }) => [r.id, r.ok, r.code ?? null]),
    [
      [firstMail.id, true, null],
      [String(secondMail.number), true, null],
      [closed.body.id, false, 'invalid_transition'],
      ['case_nope', false, 'not_found'],
    ],
  );
  assert.match(bulk.body.results[2].reason, /closed case cannot become pending/);
  assert.equal(bulk.body.results[0].case.status, 'pending');
  assert.equal(bulk.body.results[0].case.customerLabel, 'Jane Doe');

  const priority = await http('POST', `${server.url}/api/cases/bulk`, {
    token: agent.token,
    body: { ids: [firstMail.id, secondMail.id], action: { type: 'setPriority', priority: 'high' } },
  });
  assert.equal(priority.body.applied, 2);
  const tagged = await http('POST', `${server.url}/api/cases/bulk`, {
    token: agent.token,
    body: { ids: [firstMail.id, secondMail.id], action: { type: 'addTag', tag: 'Refund' } },
  });
  assert.deepEqual(
    tagged.body.results.map((r: { case: { tags: string[] } }) => r.case.tags),
    [['refund'], ['refund']],
  );
  const untagged = await http('POST', `${server.url}/api/cases/bulk`, {
    token: agent.token,
    body: { ids: [secondMail.id], action: { type: 'removeTag', tag: 'refund' } },
  });
  assert.deepEqual(untagged.body.results[0].case.tags, []);
  const assigned = await http('POST', `${server.url}/api/cases/bulk`, {
    token: agent.token,
    body: { ids: [firstMail.id, secondMail.id], action: { type: 'assign', assigneeId: 'me' } },
  });
  assert.deepEqual(
    assigned.body.results.map((r: { case: { assigneeId: string } }) => r.case.assigneeId),
    [agent.id, agent.id],
  );
  const toViewer = await http('POST', `${server.url}/api/cases/bulk`, {
    token: agent.token,
    body: { ids: [firstMail.id], action: { type: 'assign', assigneeId: viewer.id } },
  });
  assert.equal(toViewer.body.results[0].code, 'invalid_input', 'the same rules as a single change');

  // Each case's history says who changed it; the audit trail has one entry for the bulk action, with the ids.
  const history = (await getCase(firstMail.id)).history;
  const pending = history.find((entry: { change: { status?: string[] } }) => entry.change.status?.[1] === 'pending');
  assert.equal(pending.actorId, agent.id);
  assert.ok(history.some((entry: { change: { priority?: string[] } }) => entry.change.priority?.[1] === 'high'));
  const audit = await http('GET', `${server.url}/api/audit?action=cases.bulk_changed`, { token: manager.token });
  assert.equal(audit.status, 200, JSON.stringify(audit.body));
  const entry = audit.body.items.find(
    (item: { detail: { action: { type: string } } }) => item.detail.action.type === 'setStatus',
  );
  assert.equal(entry.actorId, agent.id);
  assert.deepEqual(entry.detail.ids, ids);
  assert.deepEqual(entry.detail.applied, [firstMail.id, secondMail.id]);
  assert.deepEqual(
    entry.detail.refused.map((r: { code: string }) => r.code),
    ['invalid_transition', 'not_found'],
  );
  assert.ok(entry.requestId, 'with the request id, as other audit entries');
});

test('bulk: roles and limits', async () => {
  const byViewer = await http('POST', `${server.url}/api/cases/bulk`, {
    token: viewer.token,
    body: { ids: [firstMail.id], action: { type: 'close' } },
  });
  assert.equal(byViewer.status, 403);
  const tooMany = Array.from({ length: 201 }, (_, i) => `case_${i}`);
  const over = await http('POST', `${server.url}/api/cases/bulk`, {
    token: agent.token,
    body: { ids: tooMany, action: { type: 'close' } },
  });
  assert.equal(over.status, 400);
  const twice = await http('POST', `${server.url}/api/cases/bulk`, {
    token: agent.token,
    body: { ids: [firstMail.id, firstMail.id], action: { type: 'close' } },
  });
  assert.equal(twice.status, 400);
  const unknownAction = await http('POST', `${server.url}/api/cases/bulk`, {
    token: agent.token,
    body: { ids: [firstMail.id], action: { type: 'delete' } },
  });
  assert.equal(unknownAction.status, 400);
});

let firstMerge: string;

test('merge: the absorbed case is closed pointing to the survivor, which keeps both conversations and histories', async () => {
  const merged = await http('POST', `${server.url}/api/cases/${firstMail.id}/merge`, {
    token: agent.token,
    body: { intoCaseId: String(form.number) },
  });
  assert.equal(merged.status, 201, JSON.stringify(merged.body));
  firstMerge = merged.body.id;
  assert.equal(merged.body.survivorNumber, form.number);
  assert.equal(merged.body.absorbedNumber, firstMail.number);
  assert.equal(merged.body.mergedBy, agent.id);

  const survivor = await getCase(form.id);
  // (A mail's Date header has whole seconds, so which of the two came first is not for the test to say.)
  assert.deepEqual(
    survivor.messages
      .map((m: { text: string; fromCase: { number: number } | null }) => [m.text, m.fromCase?.number ?? null])
      .sort(),
    [
      ['I was charged twice for order A-1001.', null],
      ['My card shows two charges for order A-1001.', firstMail.number],
    ],
    'each saying where it came from',
  );
  const times = survivor.messages.map((m: { at: string }) => m.at);
  assert.deepEqual(times, [...times].sort(), 'in time order');
  assert.equal(survivor.contactCount, 2, 'her contacts about the matter, across both');
  assert.deepEqual(
    survivor.merge.mergedCases.map((c: { number: number }) => c.number),
    [firstMail.number],
  );
  assert.ok(
    survivor.history.some(
      (entry: { fromCase?: { number: number }; change: { status?: string[] } }) =>
        entry.fromCase?.number === firstMail.number && entry.change.status?.[1] === 'pending',
    ),
    "the merged case's history shows on the survivor",
  );

  const absorbed = await getCase(firstMail.id);
  assert.equal(absorbed.status, 'closed');
  assert.equal(absorbed.merge.mergedInto.number, form.number);
  assert.equal(absorbed.merge.mergedInto.mergeId, firstMerge);
  assert.deepEqual(absorbed.messages, []);
  assert.equal(absorbed.firstContactResolution, null);
  assert.equal(absorbed.resolvedAt, null);

  const audit = await http('GET', `${server.url}/api/audit?action=case.merged`, { token: manager.token });
  assert.equal(audit.body.items[0].detail.mergeId, firstMerge);
  assert.ok(audit.body.items[0].requestId);
});

test("merge: her reply on the absorbed case's email thread lands on the survivor", async () => {
  const before = (await janesCases()).length;
  await mail('Re: Charged twice', 'Any news on my refund?', '<third@jane.example>', '<first@jane.example>');
  assert.equal((await janesCases()).length, before, 'no new case');
  const survivor = await getCase(form.id);
  const last = survivor.messages.at(-1);
  assert.equal(last.text, 'Any news on my refund?');
  assert.equal(last.fromCase.number, firstMail.number);
  assert.equal(survivor.contactCount, 3);
  assert.equal((await getCase(firstMail.id)).messages.length, 0);
});

test('merge: refused with a clear reason for closed cases, other customers and the case itself', async () => {
  const intoClosed = await http('POST', `${server.url}/api/cases/${secondMail.id}/merge`, {
    token: agent.token,
    body: { intoCaseId: firstMail.id },
  });
  assert.equal(intoClosed.status, 409);
  assert.equal(intoClosed.body.code, 'case_closed');
  assert.match(intoClosed.body.detail, new RegExp(`#${firstMail.number} is closed`));

  const omar = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: { name: 'Omar Haddad', email: 'omar@example.com', message: 'A second question about my invoice.' },
  });
  const otherCustomer = await http('POST', `${server.url}/api/cases/${omar.body.caseNumber}/merge`, {
    token: agent.token,
    body: { intoCaseId: form.id },
  });
  assert.equal(otherCustomer.status, 409);
  assert.equal(otherCustomer.body.code, 'merge_other_customer');
  assert.match(otherCustomer.body.detail, /different customers/);

  const itself = await http('POST', `${server.url}/api/cases/${form.id}/merge`, {
    token: agent.token,
    body: { intoCaseId: String(form.number) },
  });
  assert.equal(itself.status, 400);
  const byViewer = await http('POST', `${server.url}/api/cases/${secondMail.id}/merge`, {
    token: viewer.token,
    body: { intoCaseId: form.id },
  });
  assert.equal(byViewer.status, 403);
});

test('undo: managers or the agent who merged; both cases come back, with what arrived by its thread since', async () => {
  const byOther = await http('POST', `${server.url}/api/case-merges/${firstMerge}/undo`, { token: otherAgent.token });
  assert.equal(byOther.status, 403);
  assert.match(byOther.body.detail, /manager or the person who merged/);

  const undone = await http('POST', `${server.url}/api/case-merges/${firstMerge}/undo`, { token: manager.token });
  assert.equal(undone.status, 200, JSON.stringify(undone.body));
  assert.equal(undone.body.undoneBy, manager.id);

  const survivor = await getCase(form.id);
  assert.deepEqual(
    survivor.messages.map((m: { text: string }) => m.text),
    ['I was charged twice for order A-1001.'],
  );
  assert.equal(survivor.contactCount, 1);
  assert.deepEqual(survivor.merge.mergedCases, []);

  const restored = await getCase(firstMail.id);
  assert.deepEqual(
    restored.messages.map((m: { text: string; fromCase: unknown }) => [m.text, m.fromCase]),
    [
      ['My card shows two charges for order A-1001.', null],
      ['Any news on my refund?', null],
    ],
  );
  assert.equal(restored.merge.mergedInto, null);
  // It was pending (waiting on her) when merged; she has written since, so it is open again.
  assert.equal(restored.status, 'open');
  assert.equal(restored.contactCount, 2);
  assert.equal(restored.priority, 'high');

  // Her next reply in that thread goes to the restored case again.
  await mail('Re: Charged twice', 'Hello?', '<fourth@jane.example>', '<third@jane.example>');
  assert.equal((await getCase(firstMail.id)).messages.at(-1).text, 'Hello?');

  const again = await http('POST', `${server.url}/api/case-merges/${firstMerge}/undo`, { token: manager.token });
  assert.equal(again.status, 409);
  const audit = await http('GET', `${server.url}/api/audit?action=case.merge_undone`, { token: manager.token });
  assert.equal(audit.body.items[0].detail.mergeId, firstMerge);
});

test("merge: cases of two profiles count as one customer's once the profiles are merged", async () => {
  const form = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: { name: 'Kim Park', email: 'kim@example.com', message: 'My invoice is wrong.' },
  });
  const posted = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      network: 'x',
      posts: [
        {
          tweet_id: 'kim-1',
          author_id: 'kim_p',
          inbound: true,
          created_at: new Date().toISOString(),
          text: '@brand my invoice is wrong',
          in_response_to_tweet_id: null,
        },
      ],
    },
  });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  const social = (await http('GET', `${server.url}/api/customers/lookup?handle=x:@kim_p`, { token: agent.token })).body;
  const socialCase = (await http('GET', `${server.url}/api/cases?customerId=${social.id}`, { token: agent.token })).body
    .items[0];
  const refused = await http('POST', `${server.url}/api/cases/${socialCase.id}/merge`, {
    token: agent.token,
    body: { intoCaseId: form.body.caseId ?? String(form.body.caseNumber) },
  });
  assert.equal(refused.status, 409);

  const byEmail = (
    await http('GET', `${server.url}/api/customers/lookup?email=kim@example.com`, { token: agent.token })
  ).body;
  const profiles = await http('POST', `${server.url}/api/customers/${byEmail.id}/merges`, {
    token: manager.token,
    body: { absorbedId: social.id },
  });
  assert.equal(profiles.status, 201, JSON.stringify(profiles.body));
  const merged = await http('POST', `${server.url}/api/cases/${socialCase.id}/merge`, {
    token: agent.token,
    body: { intoCaseId: String(form.body.caseNumber) },
  });
  assert.equal(merged.status, 201, JSON.stringify(merged.body));

  // Our answer posted from the network's own app, in the merged case's thread, lands on the survivor too.
  const answer = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      network: 'x',
      posts: [
        {
          tweet_id: 'brand-1',
          author_id: 'brand',
          inbound: false,
          created_at: new Date().toISOString(),
          text: '@kim_p sorry, fixing it',
          in_response_to_tweet_id: 'kim-1',
        },
      ],
    },
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  const survivor = await getCase(form.body.caseNumber);
  const reply = survivor.messages.find((m: { kind: string }) => m.kind === 'reply');
  assert.equal(reply?.text, '@kim_p sorry, fixing it');
  assert.equal(reply.fromCase.id, socialCase.id);
});

test('first-contact resolution counts merged duplicates once, as contacts of the survivor, and is re-decided on undo', async () => {
  // Li wrote twice about one matter in other words (no repeat-contact link between the two): a form and an email.
  const posted = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: { name: 'Li Wei', email: 'li@example.com', message: 'Where is my parcel?' },
  });
  await mailer().sendMail({
    from: 'li@example.com',
    to: 'help@shop.example',
    subject: 'Hello',
    text: 'Nothing has come yet, what happened?',
    messageId: '<li@li.example>',
  });
  const lookup = await http('GET', `${server.url}/api/customers/lookup?email=li@example.com`, { token: agent.token });
  const cases = (await http('GET', `${server.url}/api/cases?customerId=${lookup.body.id}`, { token: agent.token })).body
    .items;
  const duplicate = cases.find((c: { channel: string }) => c.channel === 'email');
  assert.equal(cases.length, 2);
  assert.equal(duplicate.repeatOf, null);

  const merged = await http('POST', `${server.url}/api/cases/${duplicate.id}/merge`, {
    token: agent.token,
    body: { intoCaseId: String(posted.body.caseNumber) },
  });
  assert.equal(merged.status, 201, JSON.stringify(merged.body));
  const resolved = await http('PATCH', `${server.url}/api/cases/${posted.body.caseNumber}`, {
    token: agent.token,
    body: { status: 'resolved' },
  });
  assert.equal(resolved.status, 200);
  assert.equal(resolved.body.contactCount, 2);
  assert.equal(resolved.body.firstContactResolution, false, 'she had to get in touch twice');
  const absorbed = await getCase(duplicate.id);
  assert.equal(absorbed.resolvedAt, null, 'not a resolved case of its own: it counts in no resolution rate');
  assert.equal(absorbed.firstContactResolution, null);

  const undone = await http('POST', `${server.url}/api/case-merges/${merged.body.id}/undo`, { token: agent.token });
  assert.equal(undone.status, 200, 'the agent who merged undoes their own merge');
  const survivor = await getCase(posted.body.caseNumber);
  assert.equal(survivor.contactCount, 1);
  assert.equal(survivor.firstContactResolution, true, 're-decided with its one contact');
  const back = await getCase(duplicate.id);
  assert.equal(back.status, 'new', 'as it was before the merge');
  assert.equal(back.messages.length, 1);
});
