// Live updates over real HTTP: a change made through the API, and one written by another connection to
// the same database file (as `rapport import` in another process would), both reach an open
// server-sent event stream; presence on a case; auth, limits, reconnect and a clean shutdown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startTestServer, http, type TestServer } from './helpers/server.ts';
import { openSqlite } from '../src/store/sqlite.ts';
import { receiveMessage } from '../src/cases/inbound.ts';
import { CLI_ACTOR } from '../src/shared/actor.ts';
import { liveHubOf } from '../src/live/service.ts';

let server: TestServer;
let agentToken: string;
let viewerToken: string;

interface SseEvent {
  id: string | null;
  event: string;
  data: any;
}

/** A minimal EventSource for Node: reads the stream and parses events as they come. */
async function openStream(path: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${server.url}${path}`, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  let ended = false;
  const pump = (async () => {
    // A refusal is a problem+json body for the test to read, not a stream.
    if (!response.body || !response.ok) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          if (!fields.has('event')) continue;
          events.push({
            id: fields.get('id') ?? null,
            event: fields.get('event')!,
            data: JSON.parse(fields.get('data') ?? 'null'),
          });
          for (const wake of waiters.splice(0)) wake();
        }
      }
    } catch {
      // aborted by the test, or closed by the server
    }
    ended = true;
    for (const wake of waiters.splice(0)) wake();
  })();
  return {
    response,
    events,
    get ended() {
      return ended;
    },
    /** Waits (no deadline of its own: the test's timeout is the limit) for an event matching `match`. */
    async waitFor(match: (event: SseEvent) => boolean): Promise<SseEvent> {
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (ended) throw new Error(`stream ended without the event; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    async untilEnded(): Promise<void> {
      await pump;
    },
    close() {
      controller.abort();
    },
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function missedCall(callId: string, from: string): Promise<{ id: string; number: number }> {
  const response = await http('POST', `${server.url}/api/channels/phone/events`, {
    writeKey: server.writeKey,
    body: { callId, from, startedAt: Date.now() - 30_000, outcome: 'missed' },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const detail = await http('GET', `${server.url}/api/cases/${response.body.caseNumber}`, { token: agentToken });
  return { id: detail.body.id, number: detail.body.number };
}

before(async () => {
  server = await startTestServer();
  agentToken = await server.staffToken('agent');
  viewerToken = await server.staffToken('viewer');
});

after(async () => {
  await server.close();
});

test('without a session or token the stream is refused', async () => {
  const response = await http('GET', `${server.url}/api/live`);
  assert.equal(response.status, 401);
  assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const presence = await http('POST', `${server.url}/api/cases/x/presence`, { body: { state: 'viewing' } });
  assert.equal(presence.status, 401);
});

test('the inbox stream hears of a case opened through the API and of one written by another process', {
  timeout: 30_000,
}, async () => {
  const inbox = await openStream('/api/live', bearer(viewerToken));
  assert.equal(inbox.response.status, 200);
  assert.match(inbox.response.headers.get('content-type') ?? '', /^text\/event-stream/);
  await inbox.waitFor((event) => event.event === 'ready');

  const opened = await missedCall('call-live-1', '+14155550161');
  const heard = await inbox.waitFor((event) => event.event === 'case.changed' && event.data.id === opened.id);
  assert.equal(heard.data.number, opened.number);
  assert.ok(Number(heard.id) > 0, 'each change carries an id for Last-Event-ID');

  // Another connection to the same file, as `npx rapport import` in its own process has.
  const other = openSqlite(join(server.dataDir, 'rapport.db'));
  try {
    const received = await receiveMessage(
      other,
      {
        channel: 'email',
        source: 'email',
        externalId: '<live-1@example.com>',
        threadRefs: [],
        from: { identities: [{ kind: 'email', value: 'ann.import@example.com' }], name: 'Ann Import' },
        subject: 'Imported elsewhere',
        text: 'Written by another process',
        occurredAt: Date.now(),
      },
      CLI_ACTOR,
    );
    await inbox.waitFor((event) => event.event === 'case.changed' && event.data.id === received.caseId);
  } finally {
    await other.close();
    inbox.close();
  }
});

test('a burst over many cases (an import) tells an inbox to fetch again once, and a case page its own case', {
  timeout: 30_000,
}, async () => {
  const inbox = await openStream('/api/live', bearer(agentToken));
  await inbox.waitFor((event) => event.event === 'ready');
  const other = openSqlite(join(server.dataDir, 'rapport.db'));
  try {
    await other.run(`INSERT INTO customers (id, created_at, first_seen_at, last_seen_at) VALUES ('cu_burst', 0, 0, 0)`);
    await other.run(
      `INSERT INTO cases (id, number, customer_id, subject, channel, status, priority, tags, opened_at, updated_at)
       VALUES ('burst_0', 90000, 'cu_burst', 'Burst', 'email', 'closed', 'normal', '[]', 0, 0)`,
    );
    const one = await openStream('/api/live?caseId=burst_0', bearer(agentToken));
    await one.waitFor((event) => event.event === 'ready');
    await other.transaction(async (tx) => {
      await tx.run(`UPDATE cases SET subject = 'Burst again' WHERE id = 'burst_0'`);
      for (let i = 1; i <= 80; i++) {
        await tx.run(
          `INSERT INTO cases (id, number, customer_id, subject, channel, status, priority, tags, opened_at, updated_at)
           VALUES (?, ?, 'cu_burst', 'Burst', 'email', 'closed', 'normal', '[]', 0, 0)`,
          [`burst_${i}`, 90000 + i],
        );
      }
    });
    await inbox.waitFor((event) => event.event === 'resync');
    await one.waitFor((event) => event.event === 'case.changed' && event.data.id === 'burst_0');
    // (burst_0's own insert, before the burst, may have been told one by one.)
    const oneByOne = inbox.events.filter(
      (event) => event.event === 'case.changed' && /^burst_[1-9]/.test(String(event.data.id)),
    );
    assert.deepEqual(oneByOne, [], 'not one event per case');
    one.close();
  } finally {
    await other.close();
    inbox.close();
  }
});

test('a case stream hears only its case: a note and a status change, and Last-Event-ID replays what was missed', {
  timeout: 30_000,
}, async () => {
  const watched = await missedCall('call-live-2', '+14155550162');
  const elsewhere = await missedCall('call-live-3', '+14155550163');
  const stream = await openStream(`/api/live?caseId=${watched.id}`, bearer(agentToken));
  const ready = await stream.waitFor((event) => event.event === 'ready');
  // Reading a case (which the page does on every change) changes nothing: no loop of reloads.
  const before = await server.running.db.get<{ seq: number }>(
    `SELECT seq FROM sqlite_sequence WHERE name = 'case_changes'`,
  );
  await http('GET', `${server.url}/api/cases/${watched.id}`, { token: agentToken });
  const after = await server.running.db.get<{ seq: number }>(
    `SELECT seq FROM sqlite_sequence WHERE name = 'case_changes'`,
  );
  assert.equal(after?.seq, before?.seq);

  await http('POST', `${server.url}/api/cases/${elsewhere.id}/notes`, {
    token: agentToken,
    body: { text: 'Not this one' },
  });
  const note = await http('POST', `${server.url}/api/cases/${watched.id}/notes`, {
    token: agentToken,
    body: { text: 'Calling her back' },
  });
  assert.equal(note.status, 201, JSON.stringify(note.body));
  await stream.waitFor((event) => event.event === 'case.changed' && event.data.id === watched.id);
  assert.ok(!stream.events.some((event) => event.data?.id === elsewhere.id), 'no word of another case');
  stream.close();

  // Away, a change happens; back with the last id heard, it comes at once.
  const resolved = await http('PATCH', `${server.url}/api/cases/${watched.id}`, {
    token: agentToken,
    body: { status: 'pending' },
  });
  assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
  const lastHeard = stream.events.filter((event) => event.id !== null).at(-1)!.id!;
  assert.ok(Number(lastHeard) >= Number(ready.id));
  const back = await openStream(`/api/live?caseId=${watched.id}`, {
    ...bearer(agentToken),
    'last-event-id': lastHeard,
  });
  const replayed = await back.waitFor((event) => event.event === 'case.changed');
  assert.equal(replayed.data.id, watched.id);
  assert.ok(Number(replayed.id) > Number(lastHeard));
  back.close();

  const unknown = await http('GET', `${server.url}/api/live?caseId=nope`, { token: agentToken });
  assert.equal(unknown.status, 404);
});

test('two agents on one case see each other viewing and replying, and someone who stops is gone', {
  timeout: 30_000,
}, async () => {
  const shared = await missedCall('call-live-4', '+14155550164');
  const annToken = await server.staffToken('agent');
  const ann = await http('GET', `${server.url}/api/auth/me`, { token: annToken });
  const watching = await openStream(`/api/live?caseId=${shared.id}`, bearer(agentToken));
  await watching.waitFor((event) => event.event === 'presence' && event.data.people.length === 0);

  const viewing = await http('POST', `${server.url}/api/cases/${shared.id}/presence`, {
    token: annToken,
    body: { state: 'viewing' },
  });
  assert.equal(viewing.status, 200, JSON.stringify(viewing.body));
  await watching.waitFor(
    (event) =>
      event.event === 'presence' &&
      event.data.people.some((p: any) => p.staffId === ann.body.id && p.state === 'viewing'),
  );
  await http('POST', `${server.url}/api/cases/${shared.id}/presence`, { token: annToken, body: { state: 'replying' } });
  const replying = await watching.waitFor(
    (event) => event.event === 'presence' && event.data.people.some((p: any) => p.state === 'replying'),
  );
  assert.equal(replying.data.people[0].name, ann.body.name);
  await http('POST', `${server.url}/api/cases/${shared.id}/presence`, { token: annToken, body: { state: 'left' } });
  await watching.waitFor(
    (event) => event.event === 'presence' && event.data.people.length === 0 && event !== watching.events[0],
  );
  watching.close();

  // A viewer may watch and be seen viewing, but cannot be replying to a customer.
  const viewerReplying = await http('POST', `${server.url}/api/cases/${shared.id}/presence`, {
    token: viewerToken,
    body: { state: 'replying' },
  });
  assert.equal(viewerReplying.status, 403);
  const bad = await http('POST', `${server.url}/api/cases/${shared.id}/presence`, {
    token: annToken,
    body: { state: 'typing' },
  });
  assert.equal(bad.status, 400);
});

test('one person may hold only so many streams', { timeout: 30_000 }, async () => {
  const token = await server.staffToken('agent');
  const streams = [];
  let refused: Awaited<ReturnType<typeof http>> | null = null;
  for (let i = 0; i < 50 && !refused; i++) {
    const stream = await openStream('/api/live', bearer(token));
    if (stream.response.status === 200) {
      await stream.waitFor((event) => event.event === 'ready');
      streams.push(stream);
    } else {
      refused = {
        status: stream.response.status,
        body: await stream.response.json(),
        headers: stream.response.headers,
      };
    }
  }
  assert.ok(refused, 'a limit is reached');
  assert.equal(refused.status, 429);
  assert.equal(refused.body.code, 'too_many_streams');
  // Someone else is not affected.
  const other = await openStream('/api/live', bearer(agentToken));
  assert.equal(other.response.status, 200);
  other.close();
  for (const stream of streams) stream.close();
  // Closed tabs free their places (the test's timeout is the limit for this wait).
  for (;;) {
    const again = await openStream('/api/live', bearer(token));
    again.close();
    if (again.response.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

test('a stream ends when its token is revoked or its account disabled', { timeout: 30_000 }, async () => {
  const admin = bearer(server.token);
  const created = await http('POST', `${server.url}/api/staff`, {
    token: server.token,
    body: { email: 'leaver@example.com', name: 'Lee Leaver', role: 'agent', password: 'a long enough password' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { createApiToken } = await import('../src/staff/service.ts');
  const first = await createApiToken(server.running.db, 'leaver@example.com', 'first');
  const second = await createApiToken(server.running.db, 'leaver@example.com', 'second');
  const byToken = await openStream('/api/live', bearer(first.token));
  const byAccount = await openStream('/api/live', bearer(second.token));
  await byToken.waitFor((event) => event.event === 'ready');
  await byAccount.waitFor((event) => event.event === 'ready');
  const hub = liveHubOf(server.running.db);

  const tokens = await http('GET', `${server.url}/api/tokens?staffId=${created.body.id}`, { headers: admin });
  const firstId = tokens.body.items.find((item: { name: string }) => item.name === 'first').id;
  assert.equal((await http('DELETE', `${server.url}/api/tokens/${firstId}`, { headers: admin })).status, 200);
  await hub.recheckStreams();
  await byToken.untilEnded();
  assert.equal(byAccount.ended, false, 'the other token still reads');

  const disabled = await http('PATCH', `${server.url}/api/staff/${created.body.id}`, {
    headers: admin,
    body: { disabled: true },
  });
  assert.equal(disabled.status, 200, JSON.stringify(disabled.body));
  await hub.recheckStreams();
  await byAccount.untilEnded();
});

test('the server closes with streams open, ending them', { timeout: 30_000 }, async () => {
  const own = await startTestServer();
  let closed = false;
  try {
    const open = [];
    for (const path of ['/api/live', '/api/live']) {
      const response = await fetch(`${own.url}${path}`, { headers: bearer(own.token) });
      assert.equal(response.status, 200);
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
      open.push(reader);
    }
    // Without the streams being ended, this would wait for ever (the test's timeout).
    await own.close();
    closed = true;
    for (const reader of open) {
      // The server ended each stream: reading runs to its end.
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
    }
  } finally {
    if (!closed) await own.close();
  }
});
