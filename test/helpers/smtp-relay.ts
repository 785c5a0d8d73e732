// A real SMTP relay on a free port (smtp-server), keeping every mail it takes, parsed (mailparser): what tests read
// to see what a customer was sent. `refusing` makes it answer every mail with a temporary failure.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface RelayedMail {
  to: string;
  subject: string;
  text: string;
}

export interface SmtpRelay {
  /** For RAPPORT_SMTP_URL. */
  url: string;
  relayed: RelayedMail[];
  refusing: boolean;
  close(): Promise<void>;
}

export async function startSmtpRelay(): Promise<SmtpRelay> {
  const relay: SmtpRelay = {
    url: '',
    relayed: [],
    refusing: false,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (relay.refusing) return callback(new Error('mailbox busy, try later'));
        const mail = await simpleParser(Buffer.concat(chunks));
        relay.relayed.push({
          to: mail.to ? (Array.isArray(mail.to) ? mail.to[0]!.text : mail.to.text) : '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  relay.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return relay;
}
