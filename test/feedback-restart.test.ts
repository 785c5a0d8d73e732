// No survey answer is lost to a restart (issue 14): the customer submits while the server stops; her browser sends
// the same form again once it is back (as a person pressing the button again would), and the answer is stored once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/app/config.ts';
import { startApp } from '../src/app/app.ts';
import { createSurvey, inviteCustomer } from '../src/feedback/service.ts';
import { SYSTEM_ACTOR } from '../src/shared/actor.ts';
import { createApiToken } from '../src/staff/service.ts';
import { http } from './helpers/server.ts';

const ADMIN = { RAPPORT_ADMIN_EMAIL: 'admin@example.com', RAPPORT_ADMIN_PASSWORD: 'orchid violin seventy rafts' };

test('an answer sent while the server stops, and sent again after, is stored once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-survey-restart-'));
  const start = () =>
    startApp(loadConfig({ RAPPORT_LOG_LEVEL: 'silent', ...ADMIN }, { dataDir, port: 0, host: '127.0.0.1' }));
  try {
    let running = await start();
    const { token } = await createApiToken(running.db, ADMIN.RAPPORT_ADMIN_EMAIL, 'tests');
    const posted = await http('POST', `${running.url}/api/interactions`, {
      token,
      body: {
        interactions: [{ customer: { email: 'rae@example.com' }, channel: 'web', type: 'page_view', sourceId: 'p1' }],
      },
    });
    const customerId = posted.body.results[0].customerId;
    const survey = await createSurvey(
      running.db,
      { name: 'NPS', kind: 'nps', trigger: { on: 'manual' }, quietDays: 30, linkValidDays: 14, active: true },
      SYSTEM_ACTOR,
      'Acme',
    );
    const { url } = await inviteCustomer(running.db, survey.id, { customerId }, running.url);
    const path = new URL(url).pathname;
    const form = await (await fetch(url)).text();
    const body = new URLSearchParams({
      submission: /name="submission" value="([^"]+)"/.exec(form)![1]!,
      score: '4',
      why: 'The zip broke after a week',
    }).toString();
    const send = (base: string) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });

    // Sent, and the server stopped at once: whether it was answered or not, the browser may not have seen it.
    const inFlight = send(running.url).then(
      (response) => response.status,
      () => 'no answer',
    );
    await running.close();
    const first = await inFlight;

    running = await start();
    const retried = await send(running.url);
    assert.equal(retried.status, 200, `first: ${first}`);
    assert.match(await retried.text(), /Thank you|already answered/);
    await running.eventLog.committed();
    assert.ok(await running.projector.waitFor(await running.eventLog.head(), 10_000));

    const stored = await running.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM interactions WHERE type = 'survey_response'",
    );
    assert.equal(stored?.n, 1, `stored once (the first send: ${first})`);
    const response = await running.db.all<{
      score: number;
      comment: string;
      complete: number;
      follow_up_case_id: string | null;
    }>('SELECT score, comment, complete, follow_up_case_id FROM survey_responses');
    assert.equal(response.length, 1);
    assert.deepEqual(
      [response[0]!.score, response[0]!.comment, response[0]!.complete],
      [4, 'The zip broke after a week', 1],
    );
    assert.ok(response[0]!.follow_up_case_id, 'a detractor, followed up once');
    await running.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
