// The SMTP listener against a real SMTP client (nodemailer): what reaches the case engine, and the
// reply codes that tell a sending server to keep, bounce or retry a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { pino } from 'pino';
import type { InboundMessage } from '../model.ts';
import type { EmailLogger } from './logger.ts';
import { createSmtpListener, type SmtpListener } from './smtp-listener.ts';

const MAX_BYTES = 64 * 1024;

function recordingLogger(lines: string[]): EmailLogger {
  const record = (details: Record<string, unknown>, message: string) =>
    lines.push(
      `${message} ${JSON.stringify(details, (_key, value) => (value instanceof Error ? value.message : value))}`,
    );
  return { info: record, warn: record, error: record };
}

async function withListener(
  deliver: (message: InboundMessage) => Promise<void>,
  body: (listener: SmtpListener, send: (mail: SendMailOptions) => Promise<unknown>, logs: string[]) => Promise<void>,
): Promise<void> {
  const logs: string[] = [];
  const listener = createSmtpListener({
    port: 0,
    host: '127.0.0.1',
    maxBytes: MAX_BYTES,
    ownAddresses: ['support@rapport.example'],
    logger: recordingLogger(logs),
  });
  await listener.start(deliver);
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: listener.port(),
    secure: false,
    ignoreTLS: true,
  });
  try {
    await body(listener, (mail) => transport.sendMail(mail), logs);
  } finally {
    transport.close();
    await listener.stop();
  }
}

test('mail sent over SMTP reaches deliver as an InboundMessage', async () => {
  const delivered: InboundMessage[] = [];
  await withListener(
    async (message) => void delivered.push(message),
    async (_listener, send) => {
      const info = (await send({
        from: '"Jane Doe" <jane@example.com>',
        to: 'support@rapport.example',
        subject: 'Where is my parcel? [#77]',
        text: 'It has been two weeks.\n\nOn Mon, Sam wrote:\n> It ships today',
        messageId: '<parcel-1@example.com>',
        attachments: [{ filename: 'photo.png', content: Buffer.from('not really a png'), contentType: 'image/png' }],
      })) as { response: string };
      assert.match(info.response, /^250 /);
    },
  );
  assert.equal(delivered.length, 1);
  const message = delivered[0]!;
  assert.equal(message.externalId, 'parcel-1@example.com');
  assert.deepEqual(message.from, { identities: [{ kind: 'email', value: 'jane@example.com' }], name: 'Jane Doe' });
  assert.equal(message.subject, 'Where is my parcel? [#77]');
  assert.deepEqual(message.threadRefs, ['case-number:77']);
  assert.equal(message.text, 'It has been two weeks.');
  assert.deepEqual(message.properties?.attachments, [{ filename: 'photo.png', contentType: 'image/png', size: 16 }]);
});

test('an oversize message is refused with 552 and nothing is delivered', async () => {
  const delivered: InboundMessage[] = [];
  await withListener(
    async (message) => void delivered.push(message),
    async (_listener, send) => {
      await assert.rejects(
        send({
          from: 'jane@example.com',
          to: 'support@rapport.example',
          subject: 'Big',
          text: 'x'.repeat(MAX_BYTES * 2),
        }),
        (error: { responseCode?: number }) => error.responseCode === 552,
      );
    },
  );
  assert.equal(delivered.length, 0);
});

test('a deliver that throws answers 451 so the sending server retries', async () => {
  await withListener(
    async () => {
      throw new Error('database is locked');
    },
    async (_listener, send, logs) => {
      await assert.rejects(
        send({ from: 'jane@example.com', to: 'support@rapport.example', subject: 'Hi', text: 'Hello' }),
        (error: { responseCode?: number; response?: string }) =>
          error.responseCode === 451 && !/database/.test(error.response ?? ''),
      );
      assert.ok(logs.some((line) => line.startsWith('email could not be stored') && /database is locked/.test(line)));
    },
  );
});

test('mail without a From address is refused with 550 and the reason', async () => {
  await withListener(
    async () => assert.fail('nothing should be delivered'),
    async (_listener, send) => {
      await assert.rejects(
        send({
          envelope: { from: 'jane@example.com', to: ['support@rapport.example'] },
          raw: 'To: support@rapport.example\r\nSubject: anonymous\r\n\r\nWho am I?\r\n',
        }),
        (error: { responseCode?: number; response?: string }) =>
          error.responseCode === 550 && /no valid From address/.test(error.response ?? ''),
      );
    },
  );
});

test('automatic mail is accepted with 250, dropped and logged', async () => {
  await withListener(
    async () => assert.fail('nothing should be delivered'),
    async (_listener, send, logs) => {
      const info = (await send({
        from: 'jane@example.com',
        to: 'support@rapport.example',
        subject: 'Out of office',
        text: 'I am away.',
        headers: { 'Auto-Submitted': 'auto-replied' },
      })) as { response: string };
      assert.match(info.response, /^250 /);
      assert.ok(logs.some((line) => line.startsWith('email ignored') && /auto-replied/.test(line)));
    },
  );
});

test("the app's pino logger can be passed in as it is", async () => {
  const lines: { msg: string; reason?: string }[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const logger = pino(destination);
  const listener = createSmtpListener({ port: 0, host: '127.0.0.1', maxBytes: MAX_BYTES, ownAddresses: [], logger });
  await listener.start(async () => assert.fail('nothing should be delivered'));
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: listener.port(),
    secure: false,
    ignoreTLS: true,
  });
  try {
    const headers = { Precedence: 'junk' };
    await transport.sendMail({ from: 'jane@example.com', to: 'support@rapport.example', text: 'Away', headers });
  } finally {
    transport.close();
    await listener.stop();
  }
  assert.ok(lines.some((line) => line.msg === 'email ignored' && line.reason === 'Precedence: junk'));
});
