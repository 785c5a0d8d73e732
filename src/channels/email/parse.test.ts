// How a raw email becomes an InboundMessage: the mapping, what is ignored, what is refused, and
// the quoted-reply rules, on fixture messages written out in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { EmailRejected, parseEmail, type ParsedEmail } from './parse.ts';
import { stripQuotedReply } from './quoted-reply.ts';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const OPTIONS = { ownAddresses: ['Support@Rapport.example'], now: () => NOW };

/** Fixtures are written line by line and joined with CRLF, as mail travels on the wire. */
function mail(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'));
}

function messageOf(parsed: ParsedEmail) {
  assert.equal(parsed.kind, 'message', parsed.kind === 'ignored' ? parsed.reason : '');
  return (parsed as Extract<ParsedEmail, { kind: 'message' }>).message;
}

const PLAIN = mail([
  'From: "Jane Doe" <Jane.Doe@Example.com>',
  'To: Support <support@rapport.example>',
  'Cc: boss@example.com',
  'Subject: My order has not arrived',
  'Date: Mon, 02 Mar 2026 10:30:00 +0000',
  'Message-ID: <abc123@mail.example.com>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello, order 1042 is a week late.',
  '',
]);

test('a plain message maps onto every InboundMessage field', async () => {
  const message = messageOf(await parseEmail(PLAIN, OPTIONS));
  assert.deepEqual(message, {
    channel: 'email',
    source: 'email',
    externalId: 'abc123@mail.example.com',
    threadRefs: [],
    from: { identities: [{ kind: 'email', value: 'jane.doe@example.com' }], name: 'Jane Doe' },
    subject: 'My order has not arrived',
    text: 'Hello, order 1042 is a week late.',
    occurredAt: Date.parse('2026-03-02T10:30:00Z'),
    properties: {
      to: [{ address: 'support@rapport.example', name: 'Support' }],
      cc: [{ address: 'boss@example.com', name: null }],
      attachments: [],
    },
  });
});

test('a stream parses the same as a buffer', async () => {
  const fromStream = messageOf(await parseEmail(Readable.from([PLAIN]), OPTIONS));
  assert.deepEqual(fromStream, messageOf(await parseEmail(PLAIN, OPTIONS)));
});

test('an HTML-only message is read as text', async () => {
  const message = messageOf(
    await parseEmail(
      mail([
        'From: jane@example.com',
        'Subject: Broken link',
        'Message-ID: <html1@example.com>',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<html><body><p>The <b>checkout</b> page is broken.</p><p>Please help.</p></body></html>',
      ]),
      OPTIONS,
    ),
  );
  assert.match(message.text, /The checkout page is broken\./);
  assert.match(message.text, /Please help\./);
  assert.doesNotMatch(message.text, /<p>|<b>/);
  assert.equal(message.from.name, null);
});

test('attachments are listed by name, type and size, never their bytes', async () => {
  const pdf = Buffer.from('%PDF-1.4 pretend invoice');
  const message = messageOf(
    await parseEmail(
      mail([
        'From: Jane <jane@example.com>',
        'To: support@rapport.example',
        'Subject: Invoice attached',
        'Message-ID: <multi1@example.com>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="XYZ"',
        '',
        '--XYZ',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'See the attached invoice.',
        '--XYZ',
        'Content-Type: application/pdf; name="invoice.pdf"',
        'Content-Disposition: attachment; filename="invoice.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        pdf.toString('base64'),
        '--XYZ--',
        '',
      ]),
      OPTIONS,
    ),
  );
  assert.equal(message.text, 'See the attached invoice.');
  assert.deepEqual(message.properties?.attachments, [
    { filename: 'invoice.pdf', contentType: 'application/pdf', size: pdf.length },
  ]);
  assert.doesNotMatch(JSON.stringify(message), /JVBER|pretend invoice/);
});

test('a reply carries its references newest first, the case tag, and loses the quote', async () => {
  const message = messageOf(
    await parseEmail(
      mail([
        'From: jane@example.com',
        'Subject: Re: My order has not arrived [#1234]',
        'Message-ID: <reply2@example.com>',
        'In-Reply-To: <ours-2@rapport.example>',
        'References: <abc123@mail.example.com> <ours-1@rapport.example>',
        ' <ours-2@rapport.example>',
        '',
        'Thanks, it arrived today.',
        '',
        'On Mon, 2 Mar 2026 at 11:00, Support <support@rapport.example> wrote:',
        '> Your parcel left our warehouse.',
        '>',
        '> Kind regards',
      ]),
      OPTIONS,
    ),
  );
  assert.deepEqual(message.threadRefs, [
    'ours-2@rapport.example',
    'ours-1@rapport.example',
    'abc123@mail.example.com',
    'case-number:1234',
  ]);
  assert.equal(message.text, 'Thanks, it arrived today.');
  assert.equal(message.subject, 'Re: My order has not arrived [#1234]');
});

test('mail without a usable From address is refused with 550 and a reason', async () => {
  for (const from of [[], ['From: undisclosed-recipients:;'], ['From: Jane <not-an-address>']]) {
    await assert.rejects(
      parseEmail(mail([...from, 'Subject: hi', 'Message-ID: <x@example.com>', '', 'Hello']), OPTIONS),
      (error: unknown) => error instanceof EmailRejected && error.smtpCode === 550 && /From address/.test(error.reason),
    );
  }
});

test('auto-generated mail is ignored, not refused', async () => {
  const cases: [string[], RegExp][] = [
    [['Auto-Submitted: auto-replied'], /Auto-Submitted: auto-replied/],
    [['Precedence: bulk'], /Precedence: bulk/],
    [['Precedence: auto_reply'], /Precedence: auto_reply/],
    [['Content-Type: multipart/report; report-type=delivery-status; boundary="b"'], /delivery-status/],
    // A bounce with no From is still dropped quietly: bouncing a bounce is how mail loops start.
    [['Auto-Submitted: auto-generated'], /auto-generated/],
  ];
  for (const [headers, reason] of cases) {
    const from = headers[0]!.startsWith('Auto-Submitted: auto-generated') ? [] : ['From: jane@example.com'];
    const parsed = await parseEmail(
      mail([...from, ...headers, 'Subject: Out of office', '', 'Away until Monday.']),
      OPTIONS,
    );
    assert.equal(parsed.kind, 'ignored');
    assert.match((parsed as { reason: string }).reason, reason);
  }
  const human = await parseEmail(
    mail(['From: jane@example.com', 'Auto-Submitted: no', 'Subject: hi', '', 'Hi']),
    OPTIONS,
  );
  assert.equal(human.kind, 'message');
});

test('our own outbound coming back is ignored', async () => {
  const parsed = await parseEmail(
    mail(['From: "Sam at Acme" <SUPPORT@rapport.example>', 'Subject: Re: hi [#7]', '', 'Our reply']),
    OPTIONS,
  );
  assert.deepEqual(parsed, { kind: 'ignored', reason: 'sent from our own address support@rapport.example' });
});

test('a message without Message-ID gets a stable id from its content', async () => {
  const raw = mail(['From: jane@example.com', 'Subject: no id', '', 'Hello']);
  const first = messageOf(await parseEmail(raw, OPTIONS));
  const again = messageOf(await parseEmail(Buffer.from(raw), OPTIONS));
  const other = messageOf(await parseEmail(mail(['From: jane@example.com', 'Subject: no id', '', 'Hello!']), OPTIONS));
  assert.match(first.externalId, /^sha256:[0-9a-f]{64}$/);
  assert.equal(again.externalId, first.externalId);
  assert.notEqual(other.externalId, first.externalId);
});

test('a Date header far in the future, or none, becomes now', async () => {
  const future = messageOf(
    await parseEmail(mail(['From: jane@example.com', 'Date: Fri, 01 Jan 2100 00:00:00 +0000', '', 'Hi']), OPTIONS),
  );
  const missing = messageOf(await parseEmail(mail(['From: jane@example.com', '', 'Hi']), OPTIONS));
  const slightlyAhead = messageOf(
    await parseEmail(mail(['From: jane@example.com', 'Date: Mon, 02 Mar 2026 13:00:00 +0000', '', 'Hi']), OPTIONS),
  );
  assert.equal(future.occurredAt, NOW);
  assert.equal(missing.occurredAt, NOW);
  assert.equal(slightlyAhead.occurredAt, Date.parse('2026-03-02T13:00:00Z'));
  assert.equal(missing.subject, null);
});

test('stripQuotedReply drops > lines and the quoted trailer', () => {
  assert.equal(stripQuotedReply('Yes please.\r\n\r\n> Shall we refund?\r\n> Sam'), 'Yes please.');
  assert.equal(
    stripQuotedReply('Answer inline:\n> Which size?\nMedium.\n> Colour?\nBlue.'),
    'Answer inline:\nMedium.\nBlue.',
  );
  assert.equal(
    stripQuotedReply('Great, thanks.\n\n-----Original Message-----\nFrom: Sam\nSent: Monday\n\nHow can I help?'),
    'Great, thanks.',
  );
  // Gmail wraps a long attribution line in two.
  assert.equal(
    stripQuotedReply(
      'Works now.\n\nOn Mon, Mar 2, 2026 at 11:00 AM Sam Support <support@rapport.example>\nwrote:\n> Try again',
    ),
    'Works now.',
  );
  assert.equal(stripQuotedReply('Danke!\n\nAm 02.03.2026 um 11:00 schrieb Sam:\n> Hallo'), 'Danke!');
  assert.equal(stripQuotedReply('Fine.\n\n________________________________\nFrom: Sam\nSent: today'), 'Fine.');
});

test('stripQuotedReply keeps ordinary text, and a bare quote rather than nothing', () => {
  assert.equal(
    stripQuotedReply('On Monday I ordered a lamp.\nIt is broken.'),
    'On Monday I ordered a lamp.\nIt is broken.',
  );
  assert.equal(stripQuotedReply('> only a quote'), '> only a quote');
  assert.equal(stripQuotedReply(''), '');
});
