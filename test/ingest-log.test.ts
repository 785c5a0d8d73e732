// The tracking API through the event log, over real HTTP: the answer carries the log position and reads can wait
// for it; the projector applied again from the same place changes nothing; a stalled projection is answered with
// 503 and Retry-After, and taking events again once it drains; the status tells admins where things stand.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { moveCursor } from '../src/pipeline/projection-store.ts';
import { PROJECTOR } from '../src/pipeline/index.ts';

const track = (server: TestServer, body: Record<string, unknown>) =>
  http('POST', `${server.url}/v1/track`, { writeKey: server.writeKey, body });

describe('read your own writes, and projecting twice', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(async () => server.close());

  test('a read with ?after= waits for the position the ingest answer gave; a bad position is a 400', async () => {
    const sent = await track(server, { userId: 'after-1', event: 'Signed Up', messageId: 'after-1' });
    assert.equal(sent.status, 200);
    const card = await http(
      'GET',
      `${server.url}/api/customers/lookup?external=shop:after-1&after=${sent.body.position}`,
      {
        token: server.token,
      },
    );
    assert.equal(card.status, 200, JSON.stringify(card.body));
    assert.equal(card.body.interactionCount, 1);
    assert.ok(Number(card.headers.get('rapport-projected-through')) >= sent.body.position);

    const bad = await http('GET', `${server.url}/api/customers/lookup?external=shop:after-1&after=soon`, {
      token: server.token,
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].field, 'after');
  });

  test('an alias that arrives before the events it ties still gives one profile', async () => {
    const send = (path: string, body: Record<string, unknown>) =>
      http('POST', `${server.url}/v1/${path}`, { writeKey: server.writeKey, body });
    await send('alias', { userId: 'early-1', previousId: 'anon-early', messageId: 'early-a' });
    await send('page', { anonymousId: 'anon-early', name: 'Home', messageId: 'early-b' });
    const last = await send('identify', {
      userId: 'early-1',
      traits: { email: 'early@example.com' },
      messageId: 'early-c',
    });
    const card = await http(
      'GET',
      `${server.url}/api/customers/lookup?email=early@example.com&after=${last.body.position}`,
      { token: server.token },
    );
    assert.equal(card.body.interactionCount, 3, 'the page view joined her');
    assert.deepEqual(
      card.body.identities
        .map((identity: { kind: string; value: string }) => `${identity.kind}:${identity.value}`)
        .sort(),
      ['anonymous:anon-early', 'email:early@example.com', 'external:shop:early-1'],
    );
  });

  test('the projector applied again from an earlier position changes nothing', async () => {
    for (const n of [1, 2, 3]) {
      await track(server, { userId: `twice-${n}`, event: 'Viewed', messageId: `twice-${n}` });
      await http('POST', `${server.url}/v1/alias`, {
        writeKey: server.writeKey,
        body: { userId: `twice-${n}`, previousId: `anon-${n}`, messageId: `twice-alias-${n}` },
      });
    }
    await server.settled();
    const snapshot = async () => ({
      interactions: await server.running.db.all('SELECT id, profile_id, source_id FROM interactions ORDER BY id'),
      owners: await server.running.db.all('SELECT * FROM profile_owners ORDER BY profile_id'),
      customers: await server.running.db.all('SELECT id, name, merged_into FROM customers ORDER BY id'),
      identities: await server.running.db.all('SELECT * FROM identities ORDER BY kind, value'),
    });
    const before = await snapshot();

    await server.running.projector.stop();
    await server.running.db.transaction((tx) => moveCursor(tx, PROJECTOR, 0, Date.now()));
    await server.running.projector.start();
    await server.settled();
    assert.deepEqual(await snapshot(), before);
  });
});

describe('erasure reaches the log', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(async () => server.close());

  test('an erased customer’s events leave the log, so projecting it again does not bring her back', async () => {
    await http('POST', `${server.url}/v1/identify`, {
      writeKey: server.writeKey,
      body: { userId: 'erase-1', traits: { email: 'erin@example.com', name: 'Erin Erased' }, messageId: 'erase-a' },
    });
    await track(server, { userId: 'erase-1', event: 'Viewed', messageId: 'erase-b' });
    await track(server, { userId: 'keep-1', event: 'Viewed', messageId: 'keep-a' });
    await server.settled();
    const card = await http('GET', `${server.url}/api/customers/lookup?email=erin@example.com`, {
      token: server.token,
    });
    const erased = await http('DELETE', `${server.url}/api/customers/${card.body.id}`, { token: server.token });
    assert.equal(erased.status, 200, JSON.stringify(erased.body));
    assert.deepEqual([erased.body.interactions, erased.body.loggedEvents], [2, 2]);

    const left = (await server.running.eventLog.eventsAfter(0, 100)).map((event) => event.body).join('\n');
    assert.ok(!left.includes('erin@example.com') && !left.includes('erase-1'), left);
    assert.ok(left.includes('keep-1'), 'other customers’ events stay');

    await server.running.projector.stop();
    await server.running.db.transaction((tx) => moveCursor(tx, PROJECTOR, 0, Date.now()));
    await server.running.projector.start();
    await server.settled();
    const again = await http('GET', `${server.url}/api/customers/lookup?email=erin@example.com`, {
      token: server.token,
    });
    assert.equal(again.status, 404, 'not resurrected by a rebuild');
  });
});

describe('backpressure and the ingest status', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ env: { RAPPORT_INGEST_MAX_BACKLOG_S: '0.2' } })));
  after(async () => server.close());

  test('a stalled projection is answered 503 with Retry-After, and events are taken again once it drains', async () => {
    await server.running.projector.stop();
    const first = await track(server, { userId: 'bp-1', event: 'Viewed', messageId: 'bp-1' });
    assert.equal(first.status, 200, 'the first event waits, acknowledged');
    await sleep(400); // longer than the 0.2 s the configuration allows it to wait

    const refused = await track(server, { userId: 'bp-1', event: 'Viewed again', messageId: 'bp-2' });
    assert.equal(refused.status, 503, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'ingest_backlogged');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);

    const status = await http('GET', `${server.url}/api/ingest/status`, { token: server.token });
    assert.equal(status.status, 200);
    assert.equal(status.body.backlog, 1);
    assert.equal(status.body.refusals.count, 1);
    assert.ok(status.body.lagSeconds > 0.2);

    await server.running.projector.start();
    await server.settled();
    const retried = await track(server, { userId: 'bp-1', event: 'Viewed again', messageId: 'bp-2' });
    assert.equal(retried.status, 200);
    await server.settled();
    const after = await http('GET', `${server.url}/api/ingest/status`, { token: server.token });
    assert.deepEqual([after.body.head, after.body.projected, after.body.backlog], [2, 2, 0]);
    const card = await http('GET', `${server.url}/api/customers/lookup?external=shop:bp-1`, { token: server.token });
    assert.equal(card.body.interactionCount, 2);
  });

  test('an admin pauses and resumes the projection, audited; any staff member reads the lag', async () => {
    const agent = await server.staffToken('agent');
    // The previous test's card view is audited through the log: projected first, or it would wait past the 0.2 s.
    await server.settled();
    assert.equal(
      (await http('PUT', `${server.url}/api/ingest/projector`, { token: agent, body: { paused: true } })).status,
      403,
    );
    const paused = await http('PUT', `${server.url}/api/ingest/projector`, {
      token: server.token,
      body: { paused: true },
    });
    assert.equal(paused.status, 200, JSON.stringify(paused.body));
    assert.equal(paused.body.paused, true);
    assert.equal((await track(server, { userId: 'pause-1', event: 'Viewed', messageId: 'pause-1' })).status, 200);
    const lag = await http('GET', `${server.url}/api/ingest/lag`, { token: agent });
    assert.deepEqual([lag.status, lag.body.backlog, lag.body.paused], [200, 1, true]);

    const resumed = await http('PUT', `${server.url}/api/ingest/projector`, {
      token: server.token,
      body: { paused: false },
    });
    assert.equal(resumed.body.paused, false);
    await server.settled();
    assert.equal((await http('GET', `${server.url}/api/ingest/lag`, { token: agent })).body.backlog, 0);
    const audit = await http('GET', `${server.url}/api/audit?action=ingest.projector_changed`, { token: server.token });
    assert.deepEqual(
      audit.body.items.map((entry: { detail: { input: { paused: boolean } } }) => entry.detail.input.paused),
      [false, true],
      'newest first',
    );
  });

  test('only admins see the ingest status', async () => {
    const agent = await server.staffToken('agent');
    assert.equal((await http('GET', `${server.url}/api/ingest/status`, { token: agent })).status, 403);
    const manager = await server.staffToken('manager');
    assert.equal((await http('GET', `${server.url}/api/ingest/status`, { token: manager })).status, 403);
  });
});
