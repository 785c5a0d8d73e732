// The IMAP poller against a real IMAP server (hoodiecrow, in-process, in-memory): unseen mail is
// delivered and only then marked \Seen; a failed delivery stays unseen; a dropped connection heals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { InboundMessage } from '../model.ts';
import type { EmailLogger } from './logger.ts';
import { createImapPoller, parseImapUrl, type ImapPoller } from './imap-poller.ts';

// hoodiecrow ships CommonJS without types: the few members these tests use.
interface StoredMessage {
  raw: string;
  flags: string[];
  uid: number;
}
interface Hoodiecrow {
  server: Server;
  listen(port: number, host: string, callback: () => void): void;
  close(callback: () => void): void;
  getMailbox(path: string): { messages: StoredMessage[] };
  appendMessage(mailbox: string, flags: string[], internaldate: Date | undefined, raw: string): void;
}
const hoodiecrow = createRequire(import.meta.url)('hoodiecrow-imap') as (options: object) => Hoodiecrow;

const SILENT: EmailLogger = { info() {}, warn() {}, error() {} };

function rawMail(id: string, from: string, subject: string, extraHeaders: string[] = []): string {
  const headers = [`From: ${from}`, 'To: support@rapport.example', `Subject: ${subject}`, `Message-ID: <${id}>`];
  return [...headers, ...extraHeaders, '', `Body of ${subject}`, ''].join('\r\n');
}

interface Peer {
  imap: Hoodiecrow;
  poller: ImapPoller;
  inbox: () => StoredMessage[];
  dropConnections: () => void;
}

async function withImap(
  messages: { raw: string; flags?: string[] }[],
  body: (peer: Peer) => Promise<void>,
): Promise<void> {
  const imap = hoodiecrow({
    plugins: [],
    users: { 'support@rapport.example': { password: 'se:cret/pass' } },
    storage: { INBOX: { messages }, '': {} },
  });
  const sockets = new Set<Socket>();
  imap.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => imap.listen(0, '127.0.0.1', resolve));
  const port = (imap.server.address() as AddressInfo).port;
  const poller = createImapPoller({
    url: `imap://${encodeURIComponent('support@rapport.example')}:${encodeURIComponent('se:cret/pass')}@127.0.0.1:${port}/INBOX`,
    intervalMs: 60_000,
    ownAddresses: ['support@rapport.example'],
    logger: SILENT,
  });
  try {
    await body({
      imap,
      poller,
      inbox: () => imap.getMailbox('INBOX').messages,
      dropConnections: () => {
        for (const socket of sockets) socket.destroy();
      },
    });
  } finally {
    await poller.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => imap.close(resolve));
  }
}

const isSeen = (message: StoredMessage) => message.flags.includes('\\Seen');

test('unseen mail is delivered oldest first and marked \\Seen; a second poll finds nothing', async () => {
  await withImap(
    [
      { raw: rawMail('old@example.com', 'Read Already <read@example.com>', 'Old news'), flags: ['\\Seen'] },
      { raw: rawMail('first@example.com', 'Jane Doe <jane@example.com>', 'Broken lamp') },
      { raw: rawMail('second@example.com', 'omar@example.com', 'Re: Refund [#42]') },
    ],
    async ({ poller, inbox }) => {
      const delivered: InboundMessage[] = [];
      const deliver = async (message: InboundMessage) => void delivered.push(message);
      assert.deepEqual(await poller.pollOnce(deliver), { delivered: 2, ignored: 0, rejected: 0, failed: 0 });
      assert.deepEqual(
        delivered.map((message) => [message.externalId, message.from.identities[0]?.value, message.threadRefs]),
        [
          ['first@example.com', 'jane@example.com', []],
          ['second@example.com', 'omar@example.com', ['case-number:42']],
        ],
      );
      assert.equal(delivered[0]!.text, 'Body of Broken lamp');
      assert.ok(inbox().every(isSeen));

      assert.deepEqual(await poller.pollOnce(deliver), { delivered: 0, ignored: 0, rejected: 0, failed: 0 });
      assert.equal(delivered.length, 2);
    },
  );
});

test('a deliver that throws leaves that message unseen for the next poll', async () => {
  await withImap(
    [
      { raw: rawMail('fails@example.com', 'jane@example.com', 'Will fail once') },
      { raw: rawMail('works@example.com', 'omar@example.com', 'Works') },
    ],
    async ({ poller, inbox }) => {
      const delivered: string[] = [];
      let failNext = true;
      const deliver = async (message: InboundMessage) => {
        if (message.externalId === 'fails@example.com' && failNext) {
          failNext = false;
          throw new Error('database is locked');
        }
        delivered.push(message.externalId);
      };
      assert.deepEqual(await poller.pollOnce(deliver), { delivered: 1, ignored: 0, rejected: 0, failed: 1 });
      assert.deepEqual(delivered, ['works@example.com']);
      assert.deepEqual(inbox().map(isSeen), [false, true]);

      assert.deepEqual(await poller.pollOnce(deliver), { delivered: 1, ignored: 0, rejected: 0, failed: 0 });
      assert.deepEqual(delivered, ['works@example.com', 'fails@example.com']);
      assert.deepEqual(inbox().map(isSeen), [true, true]);
    },
  );
});

test('automatic, own and unreadable mail is marked \\Seen without delivering', async () => {
  await withImap(
    [
      { raw: rawMail('ooo@example.com', 'jane@example.com', 'Out of office', ['Auto-Submitted: auto-replied']) },
      { raw: rawMail('ours@rapport.example', 'Sam at Acme <support@rapport.example>', 'Re: Refund [#42]') },
      { raw: 'Subject: no sender\r\n\r\nWho wrote this?\r\n' },
    ],
    async ({ poller, inbox }) => {
      const report = await poller.pollOnce(async () => assert.fail('nothing should be delivered'));
      assert.deepEqual(report, { delivered: 0, ignored: 2, rejected: 1, failed: 0 });
      assert.ok(inbox().every(isSeen));
    },
  );
});

test('a dropped connection is replaced on the next poll', async () => {
  await withImap(
    [{ raw: rawMail('one@example.com', 'jane@example.com', 'One') }],
    async ({ imap, poller, dropConnections }) => {
      const delivered: string[] = [];
      const deliver = async (message: InboundMessage) => void delivered.push(message.externalId);
      assert.equal((await poller.pollOnce(deliver)).delivered, 1);

      dropConnections();
      imap.appendMessage('INBOX', [], undefined, rawMail('two@example.com', 'jane@example.com', 'Two'));
      assert.equal((await poller.pollOnce(deliver)).delivered, 1);
      assert.deepEqual(delivered, ['one@example.com', 'two@example.com']);
    },
  );
});

test('start polls right away and stop ends the loop', async () => {
  await withImap([{ raw: rawMail('started@example.com', 'jane@example.com', 'Hello') }], async ({ poller, inbox }) => {
    let resolveDelivered: (message: InboundMessage) => void = () => {};
    const delivered = new Promise<InboundMessage>((resolve) => (resolveDelivered = resolve));
    await poller.start(async (message) => resolveDelivered(message));
    assert.equal((await delivered).externalId, 'started@example.com');
    await poller.stop();
    // The poller can still be used once, as a CLI would, after the loop has stopped.
    assert.deepEqual(await poller.pollOnce(async () => {}), { delivered: 0, ignored: 0, rejected: 0, failed: 0 });
    assert.ok(inbox().every(isSeen));
  });
});

test('the connection URL is read, and refused clearly without leaking the password', () => {
  assert.deepEqual(parseImapUrl('imaps://support%40acme.example:p%40ss@imap.example.com/Support%20Inbox'), {
    host: 'imap.example.com',
    port: 993,
    secure: true,
    user: 'support@acme.example',
    pass: 'p@ss',
    mailbox: 'Support Inbox',
  });
  assert.deepEqual(parseImapUrl('imap://u:p@localhost'), {
    host: 'localhost',
    port: 143,
    secure: false,
    user: 'u',
    pass: 'p',
    mailbox: 'INBOX',
  });
  assert.throws(
    () => parseImapUrl('pop3://u:hunter2@host'),
    (error: Error) => /imap:\/\//.test(error.message) && !error.message.includes('hunter2'),
  );
  assert.throws(() => parseImapUrl('imap://host/INBOX'), /no user name/);
  assert.throws(() => parseImapUrl('not a url'), /not a valid URL/);
  assert.throws(() => createImapPoller({ url: 'imap://u:p@host', intervalMs: 0, ownAddresses: [] }), /interval/);
});
