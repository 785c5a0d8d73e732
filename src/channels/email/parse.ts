// Turns a raw email (RFC 5322, as received over SMTP or fetched over IMAP) into the case engine's
// InboundMessage, or says why it is ignored (auto-generated, our own) or refused (malformed).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import {
  simpleParser,
  type AddressObject,
  type EmailAddress,
  type HeaderValue,
  type ParsedMail,
  type StructuredHeader,
} from 'mailparser';
import { normaliseEmail } from '../../customers/index.ts';
import type { InboundMessage } from '../model.ts';
import { stripQuotedReply } from './quoted-reply.ts';
import { DAY_MS } from '../../shared/time.ts';

export interface ParseEmailOptions {
  /** Our own sending addresses: mail from them is our outbound coming back, never a customer. */
  ownAddresses: readonly string[];
  /** Epoch milliseconds; tests pin it. */
  now?: () => number;
}

export type ParsedEmail = { kind: 'message'; message: InboundMessage } | { kind: 'ignored'; reason: string };

/** Mail we refuse for good: the SMTP listener answers with `smtpCode` and `reason`. */
export class EmailRejected extends Error {
  constructor(
    readonly smtpCode: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'EmailRejected';
  }
}

const IGNORED_PRECEDENCE = new Set(['bulk', 'junk', 'auto_reply', 'list']);
const AUTOMATED_REPORTS = new Set(['delivery-status', 'disposition-notification']);
const CASE_TAG = /\[#(\d+)\]/;
const MESSAGE_ID = /<([^<>\s]+)>/g;

/**
 * Parses one message. Resolves `{ kind: 'message' }` or `{ kind: 'ignored', reason }`; throws
 * `EmailRejected` for mail that cannot become a message (no usable From address, unreadable MIME).
 *
 * @example
 * const parsed = await parseEmail(raw, { ownAddresses: ['support@example.com'] });
 * if (parsed.kind === 'message') await deliver(parsed.message);
 */
export async function parseEmail(source: Buffer | Readable, options: ParseEmailOptions): Promise<ParsedEmail> {
  const raw = Buffer.isBuffer(source) ? source : await buffer(source);
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, {
      skipImageLinks: true,
      keepCidLinks: true,
      skipTextToHtml: true,
      checksumAlgo: false,
    });
  } catch (error) {
    throw new EmailRejected(550, `The message could not be read as email: ${(error as Error).message}`);
  }

  // Checked before the From address so that a malformed bounce is dropped, never bounced back.
  const automated = automatedReason(mail);
  if (automated) return { kind: 'ignored', reason: automated };

  const sender = firstMailbox(mail.from);
  const address = sender?.address ? normaliseEmail(sender.address) : null;
  if (!address) throw new EmailRejected(550, 'The message has no valid From address, so there is no one to answer.');
  if (options.ownAddresses.some((own) => own.trim().toLowerCase() === address)) {
    return { kind: 'ignored', reason: `sent from our own address ${address}` };
  }

  const now = options.now?.() ?? Date.now();
  const subject = mail.subject?.trim() || null;
  const message: InboundMessage = {
    channel: 'email',
    source: 'email',
    externalId: messageIdsIn(mail.messageId)[0] ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`,
    threadRefs: threadRefsOf(mail, subject),
    from: { identities: [{ kind: 'email', value: address }], name: sender?.name.trim() || null },
    subject,
    text: stripQuotedReply(mail.text ?? ''),
    occurredAt: plausibleTime(mail.date, now),
    properties: {
      to: mailboxesOf(mail.to),
      cc: mailboxesOf(mail.cc),
      attachments: mail.attachments.map((attachment) => ({
        filename: attachment.filename ?? null,
        contentType: attachment.contentType,
        size: attachment.size,
      })),
    },
  };
  return { kind: 'message', message };
}

/** Why the message was written by a machine (RFC 3834 and the headers real auto-responders use), or null. */
function automatedReason(mail: ParsedMail): string | null {
  const autoSubmitted = headerText(mail, 'auto-submitted').split(';')[0]!.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = headerText(mail, 'precedence').trim().toLowerCase();
  if (IGNORED_PRECEDENCE.has(precedence)) return `Precedence: ${precedence}`;
  if (headerText(mail, 'x-autoreply') || headerText(mail, 'x-autorespond')) return 'X-Autoreply';
  const contentType = mail.headers.get('content-type');
  if (isStructured(contentType) && contentType.value.toLowerCase() === 'multipart/report') {
    const reportType = contentType.params['report-type']?.toLowerCase();
    if (reportType && AUTOMATED_REPORTS.has(reportType)) return `report: ${reportType}`;
  }
  return null;
}

function isStructured(value: HeaderValue | undefined): value is StructuredHeader {
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return false;
  return 'params' in value && typeof value.value === 'string';
}

function headerText(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

/** Ids inside angle brackets, in order; a header without any brackets is read as bare ids. */
function messageIdsIn(header: string | string[] | undefined): string[] {
  const text = ([] as string[]).concat(header ?? []).join(' ');
  const bracketed = [...text.matchAll(MESSAGE_ID)].map((match) => match[1]!);
  return bracketed.length > 0 ? bracketed : text.split(/\s+/).filter((token) => token.includes('@'));
}

/** In-Reply-To, then References newest first, then our case tag from the subject; no repeats. */
function threadRefsOf(mail: ParsedMail, subject: string | null): string[] {
  const refs = [...messageIdsIn(mail.inReplyTo), ...messageIdsIn(mail.references).reverse()];
  const caseNumber = subject?.match(CASE_TAG)?.[1];
  if (caseNumber) refs.push(`case-number:${Number(caseNumber)}`);
  return [...new Set(refs)];
}

function plausibleTime(date: Date | undefined, now: number): number {
  const time = date?.getTime();
  // A clock set wrong (or a forged header) must not put the message ahead of the present.
  return time !== undefined && Number.isFinite(time) && time > 0 && time <= now + DAY_MS ? time : now;
}

function mailboxes(header: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  return ([] as AddressObject[])
    .concat(header ?? [])
    .flatMap((object) => object.value)
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .filter((entry) => Boolean(entry.address));
}

function firstMailbox(header: AddressObject | undefined): EmailAddress | undefined {
  return mailboxes(header)[0];
}

function mailboxesOf(header: AddressObject | AddressObject[] | undefined): { address: string; name: string | null }[] {
  return mailboxes(header).map((entry) => ({ address: entry.address!.toLowerCase(), name: entry.name.trim() || null }));
}
