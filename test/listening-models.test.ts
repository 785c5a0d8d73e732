// A company's reason model trained on what its staff decided, through the real server: only reasons a staff
// member set are labels (a guessed one is not), too few are refused with their counts, an agent may not train,
// versions are restored and switched off, the active model is seen from a second connection (as the projection's
// thread has), a low-confidence text is left for a person, the keywords apply only with no model; a sentiment
// model that does not beat the baseline stays unused; and `rapport train` on a CSV file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { runRapport } from './helpers/cli.ts';
import { openSqlite } from '../src/store/sqlite.ts';
import {
  activeTextModel,
  analyseSentiment,
  classify,
  classifyReason,
  guessReason,
  trainTextModel,
} from '../src/listening/index.ts';
import { staffReasonLabels } from '../src/cases/index.ts';

let server: TestServer;
let managerToken: string;
let agentToken: string;
let dir: string;

const DELIVERY = [
  'my parcel never arrived and the tracking page is stuck',
  'where is my package, it is a week late',
  'the courier left my parcel at the wrong address',
  'tracking says delivered but there is no package here',
  'my order is late again, still waiting for the courier',
  'the package was shipped ten days ago and nothing arrived',
];
const REFUND = [
  'I want my money back for the jacket I returned',
  'please refund the order I sent back last week',
  'still no refund two weeks after the return',
  'when will I be reimbursed for the returned shoes',
  'you promised a refund, where is my money',
];
// The company's own reasons are not the guesser's (refund, delivery…), so these tests use their own names.
// Charged for a return: the keywords guess billing, a staff member corrects it to a return (the label).
const CORRECTED_TO_REFUND = 'I was charged on my card for the jacket I sent back';
// Keyword-guessed billing cases nobody on staff touched: if guesses were labels, billing would be trainable.
const GUESSED_BILLING = [
  'why was I charged twice on my card',
  'the invoice shows the wrong price',
  'my payment went through twice',
  'I was billed for premium I never ordered',
  'the subscription price on my card is wrong',
];
const CANCELLATION = [
  'cancel my subscription please',
  'I want to cancel the order before it ships',
  'how do I cancel my account membership',
  'please cancel everything, I changed my mind',
  'cancellation of my order 1234 please',
];

const api = (method: string, path: string, token: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token, body });

async function caseOf(author: string): Promise<{ id: string; reason: string | null }> {
  const card = await api('GET', `/api/customers/lookup?handle=${encodeURIComponent(`x:${author}`)}`, server.token);
  assert.equal(card.status, 200, JSON.stringify(card.body));
  const list = await api('GET', `/api/cases?customerId=${card.body.id}&limit=10`, server.token);
  assert.equal(list.body.items.length, 1, `one case for ${author}`);
  return list.body.items[0];
}

let posted = 0;
/** Posts each text on X from an author of its own (a case each) and answers the cases, in order. */
async function openCases(texts: readonly string[]): Promise<Array<{ id: string; reason: string | null }>> {
  const authors = texts.map(() => `customer${++posted}`);
  const response = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      network: 'x',
      posts: texts.map((text, index) => ({
        tweet_id: `t${posted - texts.length + index + 1}`,
        author_id: authors[index],
        inbound: true,
        created_at: new Date().toISOString(),
        text,
        in_response_to_tweet_id: null,
      })),
    },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  await server.settled();
  return Promise.all(authors.map(caseOf));
}

async function setReasons(cases: ReadonlyArray<{ id: string }>, reason: string): Promise<void> {
  for (const { id } of cases) {
    const changed = await api('PATCH', `/api/cases/${id}`, managerToken, { reason });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
  }
}

before(async () => {
  server = await startTestServer();
  managerToken = await server.staffToken('manager');
  agentToken = await server.staffToken('agent');
  dir = mkdtempSync(join(tmpdir(), 'rapport-train-'));
});

after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('reason models: labels only from staff, too few refused, agents refused, versions restored, seen by a second connection', async () => {
  const guessed = await openCases(GUESSED_BILLING);
  assert.deepEqual(
    guessed.map((item) => item.reason),
    GUESSED_BILLING.map(() => 'billing'),
    'the keywords guessed billing on the untouched cases',
  );
  const delivery = await openCases(DELIVERY);
  const refund = await openCases(REFUND);
  const [corrected] = await openCases([CORRECTED_TO_REFUND]);
  assert.equal(corrected!.reason, guessReason(CORRECTED_TO_REFUND));
  assert.equal(corrected!.reason, 'billing', 'the keywords guessed billing');

  // Guesses alone are no labels: nothing to train on yet.
  const none = await api('POST', '/api/listening/models/train', managerToken, { kind: 'reason' });
  assert.equal(none.status, 422, JSON.stringify(none.body));
  assert.match(none.body.detail, /at least 2 labels with 5 examples each.*0 have enough \(0 examples: none\)/);

  await setReasons(delivery.slice(0, 4), 'late_order');
  await setReasons(refund, 'return');
  const tooFew = await api('POST', '/api/listening/models/train', managerToken, { kind: 'reason' });
  assert.equal(tooFew.status, 422);
  assert.match(tooFew.body.detail, /1 has enough \(9 examples: return 5, late_order 4\)/);

  await setReasons(delivery.slice(4), 'late_order');
  await setReasons([corrected!], 'return');
  const byAgent = await api('POST', '/api/listening/models/train', agentToken, { kind: 'reason' });
  assert.equal(byAgent.status, 403);
  assert.equal((await api('GET', '/api/listening/models?kind=reason', agentToken)).status, 403);

  const first = await api('POST', '/api/listening/models/train', managerToken, { kind: 'reason' });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(first.body.activated, true);
  assert.equal(first.body.model.version, 1);
  assert.deepEqual(first.body.model.trainedOn, { examples: 12, source: 'cases' });
  assert.deepEqual(
    first.body.model.metrics.perLabel.map((row: { label: string; support: number }) => [row.label, row.support]),
    [
      ['late_order', 6],
      ['return', 6],
    ],
    'the corrected case counts as a return, and the five guessed billing cases count not at all',
  );
  assert.equal(first.body.model.metrics.baselineMacroF1, null);
  assert.match(first.body.model.createdBy.name, /^manager/);

  // The projection's thread has a connection of its own: it must see what the app's thread activates.
  const projectionDb = openSqlite(join(server.dataDir, 'rapport.db'));
  try {
    assert.deepEqual((await activeTextModel(projectionDb, 'reason'))?.labels, ['late_order', 'return']);

    await setReasons(await openCases(CANCELLATION), 'cancel_order');
    const second = await api('POST', '/api/listening/models/train', managerToken, { kind: 'reason' });
    assert.equal(second.status, 201);
    assert.equal(second.body.model.version, 2);
    assert.deepEqual((await activeTextModel(projectionDb, 'reason'))?.labels, ['cancel_order', 'late_order', 'return']);

    const listed = await api('GET', '/api/listening/models?kind=reason', managerToken);
    assert.deepEqual(
      listed.body.items.map((item: { version: number; active: boolean }) => [item.version, item.active]),
      [
        [2, true],
        [1, false],
      ],
    );
    assert.equal('model' in listed.body.items[0], false, 'the listing leaves the model itself out');

    const restored = await api('POST', `/api/listening/models/${first.body.model.id}/activate`, managerToken);
    assert.equal(restored.status, 200);
    assert.equal(restored.body.active, true);
    assert.deepEqual((await activeTextModel(projectionDb, 'reason'))?.labels, ['late_order', 'return']);
    assert.deepEqual((await activeTextModel(server.running.db, 'reason'))?.labels, ['late_order', 'return']);

    // A message arriving now is read with the active model: its case's reason (by which repeat contacts are found)
    // and the reason stored with her words are the model's, with its confidence; the keywords would say delivery.
    const [arrived] = await openCases(['my parcel never arrived, where is the courier?']);
    assert.equal(arrived?.reason, 'late_order');
    const detail = await api('GET', `/api/cases/${arrived!.id}`, managerToken);
    const insight = detail.body.messages[0].insight;
    assert.equal(insight.reason, 'late_order');
    assert.ok(insight.reasonConfidence >= 0.5, `confidence ${insight.reasonConfidence}`);

    // A confident prediction is the model's; one below the threshold is left for a person, not for the keywords.
    const sure = await classifyReason(projectionDb, 'my parcel never arrived, where is the courier', { threshold: 0 });
    assert.equal(sure?.reason, 'late_order');
    assert.equal(sure?.source, 'model');
    const vague = 'the delivery of my refund card';
    const reading = await classifyReason(projectionDb, vague, { threshold: 0 });
    assert.ok(reading && reading.confidence! < 0.99, `confidence ${reading?.confidence}`);
    assert.notEqual(guessReason(vague), null, 'the keywords would have an answer');
    assert.equal(await classifyReason(projectionDb, vague, { threshold: 0.99 }), null);

    const off = await api('POST', '/api/listening/models/deactivate', managerToken, { kind: 'reason' });
    assert.equal(off.status, 204);
    assert.equal(await activeTextModel(projectionDb, 'reason'), null);
    assert.deepEqual(await classifyReason(projectionDb, 'my parcel never arrived'), {
      reason: 'delivery',
      confidence: null,
      source: 'keywords',
    });
    assert.equal(await classifyReason(projectionDb, 'good morning'), null);
  } finally {
    await projectionDb.close();
  }

  const audit = await api('GET', '/api/audit?limit=50', server.token);
  const actions = (audit.body.items as Array<{ action: string }>).map((entry) => entry.action);
  for (const action of ['text_model.trained', 'text_model.activated', 'text_model.deactivated']) {
    assert.ok(actions.includes(action), `${action} in the audit trail: ${actions.join(', ')}`);
  }
});

test('a sentiment model that does not beat the offline baseline on the same texts is kept, unused', async () => {
  // Texts the baseline reads right, each in words of its own: folds of five cannot teach a model much.
  const examples = [
    ['thank you so much, wonderful crew', 'positive'],
    ['excellent service today, love it', 'positive'],
    ['great flight, amazing staff', 'positive'],
    ['the team was fantastic and kind', 'positive'],
    ['lovely experience, very happy', 'positive'],
    ['terrible service, I hate this airline', 'negative'],
    ['worst flight ever, awful', 'negative'],
    ['my bag is lost and nobody helps, disgusting', 'negative'],
    ['horrible delay, furious', 'negative'],
    ['the staff were rude and useless', 'negative'],
    ['what time does boarding start', 'neutral'],
    ['is there wifi on board', 'neutral'],
    ['flight 123 leaves from gate 4', 'neutral'],
    ['can I bring a second bag', 'neutral'],
    ['which terminal for Oslo', 'neutral'],
  ].map(([text, label]) => ({ text: text!, label: label! }));
  const outcome = await trainTextModel(server.running.db, {
    kind: 'sentiment',
    examples,
    trainedOn: 'hand-made',
    createdBy: null,
  });
  const { macroF1, baselineMacroF1 } = outcome.model.metrics;
  assert.ok(macroF1 <= baselineMacroF1!, `model ${macroF1} against baseline ${baselineMacroF1}`);
  assert.equal(outcome.activated, false);
  assert.equal(outcome.model.active, false);
  assert.match(
    outcome.verdict,
    /the baseline scores \d\.\d\d on these texts, the trained model \d\.\d\d: kept the baseline/,
  );
  assert.equal(await activeTextModel(server.running.db, 'sentiment'), null);

  // A manager may still put it in use (a restore): the texts arriving then are read by it, score and all.
  const activated = await api('POST', `/api/listening/models/${outcome.model.id}/activate`, managerToken);
  assert.equal(activated.status, 200, JSON.stringify(activated.body));
  try {
    const text = 'which gate for the Oslo flight, is there wifi';
    const [arrived] = await openCases([text]);
    const insight = (await api('GET', `/api/cases/${arrived!.id}`, managerToken)).body.messages[0].insight;
    const model = (await activeTextModel(server.running.db, 'sentiment'))!;
    const { label, ranked } = classify(model, text);
    const probability = (of: string) => ranked.find((entry) => entry.label === of)!.probability;
    assert.equal(insight.sentiment, label);
    assert.equal(insight.sentimentScore, Math.round((probability('positive') - probability('negative')) * 1000) / 1000);
    assert.notEqual(insight.sentimentScore, analyseSentiment(text).score, 'not the baseline’s score');
  } finally {
    await api('POST', '/api/listening/models/deactivate', managerToken, { kind: 'sentiment' });
  }
});

test('rapport train on a CSV file prints the figures per label and the version stored; bad arguments exit 2', async () => {
  const file = join(dir, 'reasons.csv');
  const rows = [
    ...DELIVERY.map((text) => [text, 'delivery']),
    ...REFUND.map((text) => [text, 'refund']),
    [CORRECTED_TO_REFUND, 'refund'],
  ];
  writeFileSync(file, `message,topic\n${rows.map(([text, label]) => `"${text}",${label}`).join('\n')}\n`);
  const dataDir = join(dir, 'data');
  const trained = await runRapport([
    '--data-dir',
    dataDir,
    'train',
    '--kind',
    'reason',
    '--file',
    file,
    '--text-column',
    'message',
    '--label-column',
    'topic',
  ]);
  assert.equal(trained.code, 0, trained.stderr);
  assert.match(trained.stdout, /^label\s+precision\s+recall\s+f1\s+support$/m);
  assert.match(trained.stdout, /^delivery\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+6$/m);
  assert.match(trained.stdout, /^refund\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+6$/m);
  assert.match(trained.stdout, /macroF1=\d\.\d{4}/);
  assert.match(
    trained.stdout,
    /reason model version 1 stored .* trained on 12 examples from reasons\.csv: Version 1: macro-F1/,
  );

  const again = ['--data-dir', dataDir, 'train', '--kind', 'reason'];
  const missingColumn = await runRapport([
    ...again,
    '--file',
    file,
    '--text-column',
    'text',
    '--label-column',
    'topic',
  ]);
  assert.equal(missingColumn.code, 2);
  assert.match(missingColumn.stderr, /has no column "text"; its columns are message, topic/);
  assert.equal((await runRapport([...again])).code, 2);
  assert.equal((await runRapport(['--data-dir', dataDir, 'train', '--kind', 'mood', '--from-cases'])).code, 2);
  const noCases = await runRapport([...again, '--from-cases']);
  assert.equal(noCases.code, 2);
  assert.match(noCases.stderr, /Too few labels to train on/);
  const sentimentFromCases = await runRapport(['--data-dir', dataDir, 'train', '--kind', 'sentiment', '--from-cases']);
  assert.equal(sentimentFromCases.code, 2);
});

test('a staff member confirming a guessed reason makes it a label, and the case shows it confirmed', async () => {
  const [guessed] = await openCases(['I was billed twice for the same order on my card']);
  const before = await api('GET', `/api/cases/${guessed!.id}`, agentToken);
  assert.deepEqual([before.body.reason, before.body.reasonConfirmed], ['billing', false], 'a guess by the keywords');
  const labelsBefore = await staffReasonLabels(server.running.db);

  const confirmed = await api('PATCH', `/api/cases/${guessed!.id}`, agentToken, { reason: 'billing' });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  const after = await api('GET', `/api/cases/${guessed!.id}`, agentToken);
  assert.equal(after.body.reasonConfirmed, true);
  assert.deepEqual(after.body.history.at(-1).change, { reason: ['billing', 'billing'] });
  const labelsAfter = await staffReasonLabels(server.running.db);
  assert.deepEqual(
    labelsAfter.filter((label) => !labelsBefore.some((known) => known.text === label.text)),
    [{ text: 'I was billed twice for the same order on my card', label: 'billing' }],
  );
});
