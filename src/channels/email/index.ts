// The email channel: what other folders may use. Inbound mail arrives through the SMTP listener
// (our own MX or a relay) or the IMAP poller (a hosted mailbox); replies leave through the SMTP sender.

/**
 * Listens for SMTP and delivers each message to the case engine.
 *
 * @example
 * const listener = createSmtpListener({
 *   port: 2525, host: '127.0.0.1', maxBytes: 25 * 1024 * 1024, ownAddresses: ['support@acme.example'], logger,
 * });
 * await listener.start(deliver);
 */
export { createSmtpListener, type SmtpListener, type SmtpListenerOptions } from './smtp-listener.ts';

/**
 * Polls an IMAP mailbox for unseen mail; `pollOnce` for a one-off run.
 *
 * @example
 * const poller = createImapPoller({
 *   url: 'imaps://user:pass@imap.example.com/INBOX', intervalMs: 60_000, ownAddresses: ['support@acme.example'], logger,
 * });
 * await poller.start(deliver);
 */
export {
  createImapPoller,
  parseImapUrl,
  type ImapPoller,
  type ImapPollerOptions,
  type PollReport,
} from './imap-poller.ts';

/**
 * Sends staff replies, threaded and tagged with the case number.
 *
 * @example
 * const sender = createSmtpSender({
 *   url: 'smtp://user:pass@smtp.example.com:587', from: { address: 'support@acme.example', name: 'Acme' },
 * });
 * const { externalId } = await sender.send(reply);
 */
export { createSmtpSender, taggedSubject, type SmtpSender, type SmtpSenderOptions } from './smtp-sender.ts';

/**
 * Raw email → InboundMessage, for importers and tests.
 *
 * @example
 * const parsed = await parseEmail(raw, { ownAddresses: ['support@acme.example'] });
 */
export { parseEmail, EmailRejected, type ParseEmailOptions, type ParsedEmail } from './parse.ts';
export { stripQuotedReply } from './quoted-reply.ts';
export type { EmailLogger } from './logger.ts';
