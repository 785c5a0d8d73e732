// Sends staff replies as email through an SMTP relay, threaded so the customer's mail client (and
// their answer, back through our listener or poller) lands in the same conversation and case.
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { normaliseEmail } from '../../customers/index.ts';
import type { ChannelAdapter, OutboundMessage, SendResult } from '../model.ts';
import type { PlainMail } from '../../shared/mail.ts';

export interface SmtpSenderOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`; nodemailer's query options apply. */
  url: string;
  /** The address replies come from (and customers answer to), and the brand shown beside the staff name. */
  from: { address: string; name: string };
}

export interface SmtpSender extends ChannelAdapter {
  send(message: OutboundMessage): Promise<SendResult>;
  sendMail(mail: PlainMail): Promise<SendResult>;
  stop(): Promise<void>;
}

// Thread refs also hold our own markers (`case-number:12`, `sha256:…`): only real Message-IDs go in headers.
const MESSAGE_ID = /^[^\s<>@]+@[^\s<>@]+$/;

/** The subject with our case tag, which threads the customer's answer even when headers are lost. */
export function taggedSubject(subject: string, caseNumber: number): string {
  const tag = `[#${caseNumber}]`;
  return subject.includes(tag) ? subject : `${subject.trim()} ${tag}`.trim();
}

function validUrl(url: string): string {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error('The SMTP url is not a valid URL: expected smtp://user:pass@host:port or smtps://…');
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new Error(`The SMTP url must start with smtp:// or smtps://, not ${protocol}//`);
  }
  return url;
}

/**
 * The email adapter's sending half.
 *
 * @example
 * const sender = createSmtpSender({
 *   url: 'smtps://apikey:secret@smtp.example.com:465',
 *   from: { address: 'support@acme.example', name: 'Acme' },
 * });
 * const { externalId } = await sender.send(reply);
 */
export function createSmtpSender(options: SmtpSenderOptions): SmtpSender {
  const fromAddress = normaliseEmail(options.from.address);
  if (!fromAddress) throw new Error(`The sending address "${options.from.address}" is not an email address`);
  const domain = fromAddress.split('@')[1]!;
  const transport = nodemailer.createTransport(validUrl(options.url));

  return {
    channel: 'email',
    name: 'smtp',
    addressKind: 'email',

    async send(message: OutboundMessage): Promise<SendResult> {
      const to = message.to.kind === 'email' ? normaliseEmail(message.to.value) : null;
      if (!to)
        throw new Error(`Cannot email case #${message.caseNumber}: "${message.to.value}" is not an email address`);
      const messageId = `${randomUUID()}@${domain}`;
      const answered = message.inReplyTo.filter((ref) => MESSAGE_ID.test(ref));
      const staffName = message.from.name.trim();
      await transport.sendMail({
        from: {
          name:
            staffName && staffName !== options.from.name ? `${staffName} at ${options.from.name}` : options.from.name,
          address: fromAddress,
        },
        to: { name: message.toName ?? '', address: to },
        subject: taggedSubject(message.subject, message.caseNumber),
        text: message.text,
        messageId: `<${messageId}>`,
        ...(answered.length > 0 && {
          inReplyTo: `<${answered[0]}>`,
          // References lists the conversation oldest first; ours arrive most recent first.
          references: answered.map((ref) => `<${ref}>`).reverse(),
        }),
      });
      return { externalId: messageId };
    },

    async sendMail(mail: PlainMail): Promise<SendResult> {
      const to = normaliseEmail(mail.to.address);
      if (!to) throw new Error(`"${mail.to.address}" is not an email address`);
      const messageId = `${randomUUID()}@${domain}`;
      await transport.sendMail({
        from: { name: options.from.name, address: fromAddress },
        to: { name: mail.to.name ?? '', address: to },
        subject: mail.subject,
        text: mail.text,
        messageId: `<${messageId}>`,
      });
      return { externalId: messageId };
    },

    async stop() {
      transport.close();
    },
  };
}
