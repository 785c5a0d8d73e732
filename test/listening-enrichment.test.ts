// Every inbound text is read as it is projected (issue 13): sentiment, urgency, language and the contact reason are
// stored with the interaction and shown on the timeline and on the case; what the company sent, and events
// without words, are not read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(async () => server.close());

interface Insight {
  sentiment: string;
  urgent: boolean;
  language: string;
  reason: string | null;
  reasonConfidence: number | null;
}

test('a customer’s words carry what listening read in them, on the timeline and on her case', async () => {
  const posted = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          customer: { email: 'lena@example.com' },
          channel: 'email',
          text: 'Third time asking: my package never arrived and I need it TODAY. Worst service ever!!!',
          sourceId: 'l-1',
        },
        {
          customer: { email: 'lena@example.com' },
          channel: 'email',
          direction: 'outbound',
          text: 'We are sorry, a replacement ships today.',
          sourceId: 'l-2',
        },
        { customer: { email: 'lena@example.com' }, channel: 'web', type: 'page_view', sourceId: 'l-3' },
        {
          customer: { email: 'lena@example.com' },
          channel: 'chat',
          text: 'Muchas gracias, el paquete llegó perfecto y el servicio fue excelente',
          sourceId: 'l-4',
        },
      ],
    },
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  const customerId = posted.body.results[0].customerId;

  const timeline = await http('GET', `${server.url}/api/customers/${customerId}/timeline`, { token: server.token });
  assert.equal(timeline.status, 200, JSON.stringify(timeline.body));
  const bySource = new Map<string, Insight | null>(
    timeline.body.items.map((item: { sourceId: string; insight: Insight | null }) => [item.sourceId, item.insight]),
  );
  const complaint = bySource.get('l-1');
  assert.deepEqual(
    [complaint?.sentiment, complaint?.urgent, complaint?.language, complaint?.reason, complaint?.reasonConfidence],
    ['negative', true, 'en', 'delivery', null],
  );
  assert.equal(bySource.get('l-2'), null, 'what the company sent is not read');
  assert.equal(bySource.get('l-3'), null, 'an event without words is not read');
  // The baseline's lexicons are English: a Spanish text is told by its language, and its sentiment left neutral
  // rather than guessed (a sentiment model trained on the company's own labelled texts can do better).
  const thanks = bySource.get('l-4');
  assert.deepEqual([thanks?.sentiment, thanks?.urgent, thanks?.language], ['neutral', false, 'es']);

  const caseId = posted.body.results[0].caseId;
  assert.ok(caseId, 'the inbound email opened a case');
  const opened = await http('GET', `${server.url}/api/cases/${caseId}`, { token: server.token });
  const [first] = opened.body.messages as Array<{ insight: Insight | null }>;
  assert.deepEqual([first?.insight?.sentiment, first?.insight?.urgent], ['negative', true]);
});
