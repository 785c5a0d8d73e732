// A survey link in a case reply (issue 14: "embeddable as a link in any reply or template"): `{{survey.link}}` stays a
// marker in the draft a template renders, and becomes a real one-time link for the case's customer as the reply is
// sent, in what is stored and what is mailed; she answers through it and the answer lands on the case. No survey
// to link refuses the reply whole; the sweep after resolution does not ask her again about that case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { type SmtpRelay, startSmtpRelay } from './helpers/smtp-relay.ts';

let server: TestServer;
let relay: SmtpRelay;
let manager: string;
let agent: string;

before(async () => {
  relay = await startSmtpRelay();
  // No public address: links point at this server, so the test can open them.
  server = await startTestServer({ env: { RAPPORT_SMTP_URL: relay.url, RAPPORT_COMPANY_NAME: 'Tote & Co' } });
  manager = await server.staffToken('manager');
  agent = await server.staffToken('agent');
  // The first look of the sweep after resolution marks where it starts.
  await server.running.sendSurveys();
});

after(async () => {
  await server.close();
  await relay.close();
});

const api = (method: string, path: string, token: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token, body });

const MARKER = '{{survey.link}}';
const linkPattern = () => new RegExp(`${server.url.replace(/[.]/g, '\\.')}/s/sv_[\\w-]{32}`, 'g');

let messages = 0;
/** A customer's email through the native API; returns its case. */
async function write(customer: Record<string, unknown>, text: string, subject: string) {
  const posted = await api('POST', '/api/interactions', server.token, {
    interactions: [{ customer, channel: 'email', text, sourceId: `mail-${++messages}`, properties: { subject } }],
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  return posted.body.results[0] as { caseId: string; customerId: string };
}

async function repliesOn(caseId: string): Promise<string[]> {
  const detail = await api('GET', `/api/cases/${caseId}`, agent);
  return detail.body.messages
    .filter((message: { kind: string }) => message.kind === 'reply')
    .map((message: { text: string }) => message.text);
}

async function csatSurvey(): Promise<{ id: string }> {
  const surveys = await api('GET', '/api/surveys', manager);
  return surveys.body.items.find((survey: { trigger: { on: string } }) => survey.trigger.on === 'case_resolved');
}

let templateId: string;
let jane: { caseId: string; customerId: string };

test('a template with {{survey.link}} renders to the marker for a case and to an example in the preview', async () => {
  const created = await api('POST', '/api/templates', manager, {
    name: 'Thanks with a survey',
    body: 'Hi {{customer.firstName}}, glad it is sorted. Tell us how we did: {{survey.link}}',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  templateId = created.body.id;
  const listed = await api('GET', '/api/templates', agent);
  assert.ok(listed.body.variables.includes('survey.link'), 'listed among the variables a template may use');

  jane = await write({ email: 'jane@example.com', name: 'Jane Doe' }, 'My strap tore on day one', 'Torn strap');
  const rendered = await api('GET', `/api/cases/${jane.caseId}/templates/${templateId}`, agent);
  assert.equal(rendered.status, 200, JSON.stringify(rendered.body));
  assert.equal(rendered.body.text, `Hi Jane, glad it is sorted. Tell us how we did: ${MARKER}`);

  const preview = await api('POST', '/api/templates/preview', manager, { body: 'Tell us: {{survey.link}}' });
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.equal(preview.body.text, 'Tell us: https://support.example.com/s/example');

  const typo = await api('POST', '/api/templates', manager, { name: 'Typo', body: 'Tell us: {{survey.lnk}}' });
  assert.equal(typo.status, 400, 'an unknown variable is still refused');
  assert.match(typo.body.errors[0].reason, /Unknown variable \{\{survey\.lnk\}\}/);
});

test('sending the reply mints a working link for her about this case; the marker never reaches her', async () => {
  const sent = await api('POST', `/api/cases/${jane.caseId}/replies`, agent, { templateId });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const links = sent.body.text.match(linkPattern()) ?? [];
  assert.equal(links.length, 1, sent.body.text);
  const [link] = links as [string];
  assert.equal(sent.body.text, `Hi Jane, glad it is sorted. Tell us how we did: ${link}`);
  assert.deepEqual(await repliesOn(jane.caseId), [sent.body.text], 'the timeline keeps the link, not the marker');

  await server.running.flushOutbox();
  const mails = relay.relayed.filter((mail) => /jane@example\.com/.test(mail.to));
  assert.equal(mails.length, 1);
  assert.ok(mails[0]!.text.includes(link), mails[0]!.text);
  assert.ok(!mails[0]!.text.includes('survey.link'), 'the marker never reaches the customer');

  // She opens it: the survey after a resolved case (the default), and her answer lands on this case.
  const page = await fetch(link);
  assert.equal(page.status, 200);
  const form = await page.text();
  assert.match(form, /How satisfied are you with the help you got\?/);
  const submission = /name="submission" value="([^"]+)"/.exec(form)![1]!;
  const answered = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ submission, score: '5', why: 'Quick and kind' }).toString(),
  });
  assert.equal(answered.status, 200);
  await server.settled();
  const aboutCase = await api('GET', `/api/survey-responses?caseId=${jane.caseId}`, agent);
  assert.deepEqual(
    aboutCase.body.items.map((answer: { caseId: string; score: number; comment: string }) => [
      answer.caseId,
      answer.score,
      answer.comment,
    ]),
    [[jane.caseId, 5, 'Quick and kind']],
  );
  const ofHer = await api('GET', `/api/survey-responses?customerId=${jane.customerId}`, agent);
  assert.equal(ofHer.body.items.length, 1, 'her answer, on her profile');

  // A link the agent chose to add is not held back by the quiet period her first invitation started.
  const byHand = await api('POST', `/api/cases/${jane.caseId}/replies`, agent, {
    text: `One more thing: {{ survey.link }} and again ${MARKER}`,
  });
  assert.equal(byHand.status, 201, JSON.stringify(byHand.body));
  const handLinks = byHand.body.text.match(linkPattern()) ?? [];
  assert.equal(handLinks.length, 2, byHand.body.text);
  assert.equal(handLinks[0], handLinks[1], 'one reply, one invitation: every marker is the same link');
  assert.notEqual(handLinks[0], link, 'a new link: the first one was used');
  const quiet = await api('POST', `/api/surveys/${(await csatSurvey()).id}/send`, agent, {
    customerId: jane.customerId,
  });
  assert.equal(quiet.status, 409, 'the quiet period still holds for a survey sent by itself');
});

test('the sweep after resolution does not ask her again about a case whose reply carried a link', async () => {
  // No quiet period, so only "this case was asked about already" can keep the sweep from asking.
  const csat = await csatSurvey();
  const changed = await api('PATCH', `/api/surveys/${csat.id}`, manager, { quietDays: 0 });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.deepEqual(
    [changed.body.quietDays, changed.body.trigger, changed.body.linkValidDays],
    [0, { on: 'case_resolved' }, 14],
    'a change leaves what it does not name as it was',
  );
  const kim = await write({ email: 'kim@example.com', name: 'Kim Lee' }, 'Wrong size sent', 'Wrong size');
  for (const caseId of [jane.caseId, kim.caseId]) {
    const resolved = await api('PATCH', `/api/cases/${caseId}`, manager, { status: 'resolved' });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
  }
  const before = relay.relayed.length;
  await server.running.sendSurveys();
  const invitations = relay.relayed.slice(before);
  assert.deepEqual(
    invitations.map((mail) => mail.to.replace(/.*</, '').replace(/>.*/, '')),
    ['kim@example.com'],
    'Kim, whose case had no link, is asked; Jane is not asked twice about hers',
  );
  assert.equal((await api('PATCH', `/api/surveys/${csat.id}`, manager, { quietDays: 14 })).status, 200);
});

test('a manager chooses the survey reply links lead to; only an active one; agents may not', async () => {
  const nps = await api('POST', '/api/surveys', manager, { name: 'Relationship NPS', kind: 'nps' });
  assert.equal(nps.status, 201, JSON.stringify(nps.body));
  const initial = await api('GET', '/api/settings/feedback', agent);
  assert.equal(initial.status, 200);
  assert.deepEqual(
    [initial.body.replySurveyId, initial.body.replySurvey?.name],
    [null, 'Satisfaction after a resolved case'],
    'by default, the survey after a resolved case',
  );
  assert.equal((await api('PATCH', '/api/settings/feedback', agent, { replySurveyId: nps.body.id })).status, 403);
  const unknown = await api('PATCH', '/api/settings/feedback', manager, { replySurveyId: 'srv_nope' });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.errors[0].field, 'replySurveyId');
  const chosen = await api('PATCH', '/api/settings/feedback', manager, { replySurveyId: nps.body.id });
  assert.equal(chosen.status, 200, JSON.stringify(chosen.body));
  assert.deepEqual([chosen.body.replySurveyId, chosen.body.replySurvey.name], [nps.body.id, 'Relationship NPS']);

  const ola = await write({ email: 'ola@example.com', name: 'Ola' }, 'Where is my parcel?', 'Parcel');
  const sent = await api('POST', `/api/cases/${ola.caseId}/replies`, agent, { text: `Rate us: ${MARKER}` });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const [link] = sent.body.text.match(linkPattern()) as [string];
  assert.match(await (await fetch(link)).text(), /How likely are you to recommend Tote &amp; Co/);

  const back = await api('PATCH', '/api/settings/feedback', manager, { replySurveyId: null });
  assert.equal(back.body.replySurvey.name, 'Satisfaction after a resolved case');
});

test('with no survey to link, the reply is refused whole: nothing stored, nothing sent', async () => {
  const surveys = await api('GET', '/api/surveys', manager);
  for (const survey of surveys.body.items as Array<{ id: string; active: boolean }>) {
    if (survey.active) await api('PATCH', `/api/surveys/${survey.id}`, manager, { active: false });
  }
  const settings = await api('GET', '/api/settings/feedback', manager);
  assert.equal(settings.body.replySurvey, null);
  assert.equal(settings.body.replySurveyProblem, 'No survey to link: create or activate a survey first');

  const noor = await write({ email: 'noor@example.com', name: 'Noor' }, 'The zip is stuck', 'Zip');
  const before = relay.relayed.length;
  const refused = await api('POST', `/api/cases/${noor.caseId}/replies`, agent, { text: `Tell us: ${MARKER}` });
  assert.equal(refused.status, 422, JSON.stringify(refused.body));
  assert.equal(refused.body.detail, 'No survey to link: create or activate a survey first');
  assert.equal(refused.body.errors[0].field, 'text');
  const templated = await api('POST', `/api/cases/${noor.caseId}/replies`, agent, { templateId });
  assert.equal(templated.status, 422);
  assert.deepEqual(await repliesOn(noor.caseId), [], 'nothing stored');
  await server.running.flushOutbox();
  assert.equal(relay.relayed.length, before, 'nothing sent');

  const plain = await api('POST', `/api/cases/${noor.caseId}/replies`, agent, { text: 'A reply without a link' });
  assert.equal(plain.status, 201, 'a reply without the marker needs no survey');
});
