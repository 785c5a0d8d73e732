// The SMTP sender against a real SMTP server peer: the headers that thread a reply, the body, and
// a round trip through parseEmail to show the customer's client and our parser agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { OutboundMessage } from '../model.ts';
import { parseEmail } from './parse.ts';
import { createSmtpSender, taggedSubject } from './smtp-sender.ts';

interface Captured {
  raw: Buffer;
  mailFrom: string | false;
  rcptTo: string[];
  user: string | undefined;
}

/** A relay that accepts one login and keeps every message it is given. */
async function startRelay(): Promise<{ port: number; captured: Captured[]; close: () => Promise<void> }> {
  const captured: Captured[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'relay-user' && auth.password === 'p@ss word')
        return callback(null, { user: auth.username });
      callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        captured.push({
          raw: Buffer.concat(chunks),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : false,
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          user: session.user as string | undefined,
        });
        callback(null, 'Queued');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, captured, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const REPLY: OutboundMessage = {
  caseId: 'cas_1',
  caseNumber: 1234,
  channel: 'email',
  to: { kind: 'email', value: 'jane.doe@example.com' },
  toName: 'Jane Doe',
  subject: 'Re: My order has not arrived',
  text: 'Hello Jane,\n\nYour parcel left our warehouse today.\n\nSam',
  // Most recent first, as the case engine keeps them; our case marker is not a Message-ID.
  inReplyTo: ['reply2@example.com', 'case-number:1234', 'abc123@mail.example.com'],
  from: { name: 'Sam', staffId: 'stf_1' },
  privately: false,
};

test('a reply is sent threaded, tagged and signed with the staff name', async () => {
  const relay = await startRelay();
  const sender = createSmtpSender({
    url: `smtp://relay-user:${encodeURIComponent('p@ss word')}@127.0.0.1:${relay.port}`,
    from: { address: 'Support@Rapport.example', name: 'Acme' },
  });
  try {
    const { externalId } = await sender.send(REPLY);
    assert.match(externalId, /^[0-9a-f-]{36}@rapport\.example$/);
    assert.equal(relay.captured.length, 1);
    const sent = relay.captured[0]!;
    assert.equal(sent.user, 'relay-user');
    assert.equal(sent.mailFrom, 'support@rapport.example');
    assert.deepEqual(sent.rcptTo, ['jane.doe@example.com']);

    const mail = await simpleParser(sent.raw);
    assert.equal(mail.messageId, `<${externalId}>`);
    assert.equal(mail.inReplyTo, '<reply2@example.com>');
    assert.deepEqual(mail.references, ['<abc123@mail.example.com>', '<reply2@example.com>']);
    assert.equal(mail.subject, 'Re: My order has not arrived [#1234]');
    assert.deepEqual(mail.from?.value, [{ address: 'support@rapport.example', name: 'Sam at Acme' }]);
    assert.deepEqual(mail.to && !Array.isArray(mail.to) && mail.to.value, [
      { address: 'jane.doe@example.com', name: 'Jane Doe' },
    ]);
    assert.equal(mail.text?.trim(), REPLY.text);
    assert.equal(mail.html, false);

    // Our own mail coming back is dropped; read as the customer's client would, it threads to the case.
    const ownAddresses = ['support@rapport.example'];
    assert.equal((await parseEmail(sent.raw, { ownAddresses })).kind, 'ignored');
    const parsed = await parseEmail(sent.raw, { ownAddresses: [] });
    assert.equal(parsed.kind, 'message');
    if (parsed.kind !== 'message') return;
    assert.equal(parsed.message.externalId, externalId);
    assert.deepEqual(parsed.message.threadRefs, ['reply2@example.com', 'abc123@mail.example.com', 'case-number:1234']);
    assert.equal(parsed.message.text, REPLY.text);
    assert.deepEqual(parsed.message.from.identities, [{ kind: 'email', value: 'support@rapport.example' }]);
  } finally {
    await sender.stop();
    await relay.close();
  }
});

test('a first message has no reply headers; a refused login propagates', async () => {
  const relay = await startRelay();
  const sender = createSmtpSender({
    url: `smtp://relay-user:${encodeURIComponent('p@ss word')}@127.0.0.1:${relay.port}`,
    from: { address: 'support@rapport.example', name: 'Acme' },
  });
  const wrongLogin = createSmtpSender({
    url: `smtp://relay-user:wrong@127.0.0.1:${relay.port}`,
    from: { address: 'support@rapport.example', name: 'Acme' },
  });
  try {
    await sender.send({
      ...REPLY,
      inReplyTo: [],
      subject: 'Your order [#1234]',
      toName: null,
      from: { name: '', staffId: null },
    });
    const mail = await simpleParser(relay.captured[0]!.raw);
    assert.equal(mail.inReplyTo, undefined);
    assert.equal(mail.references, undefined);
    assert.equal(mail.subject, 'Your order [#1234]');
    assert.deepEqual(mail.from?.value, [{ address: 'support@rapport.example', name: 'Acme' }]);

    await assert.rejects(wrongLogin.send(REPLY), (error: { responseCode?: number }) => error.responseCode === 535);
    assert.equal(relay.captured.length, 1);
  } finally {
    await sender.stop();
    await wrongLogin.stop();
    await relay.close();
  }
});

test('bad configuration and non-email recipients are refused with a clear message', async () => {
  assert.throws(
    () => createSmtpSender({ url: 'http://example.com', from: { address: 'a@b.example', name: 'A' } }),
    /smtp:\/\//,
  );
  assert.throws(
    () => createSmtpSender({ url: 'smtp://localhost', from: { address: 'nobody', name: 'A' } }),
    /not an email address/,
  );
  const sender = createSmtpSender({
    url: 'smtp://127.0.0.1:9',
    from: { address: 'support@rapport.example', name: 'Acme' },
  });
  await assert.rejects(
    sender.send({ ...REPLY, to: { kind: 'phone', value: '+14155550123' } }),
    /case #1234.*not an email address/,
  );
  await sender.stop();
});

test('the case tag is appended once', () => {
  assert.equal(taggedSubject('Re: Refund', 7), 'Re: Refund [#7]');
  assert.equal(taggedSubject('Re: Refund [#7]', 7), 'Re: Refund [#7]');
  assert.equal(taggedSubject('Re: Refund [#71]', 7), 'Re: Refund [#71] [#7]');
});
