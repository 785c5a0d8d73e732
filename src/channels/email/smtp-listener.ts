// Receives customer mail over SMTP (from the MX or a relay in front of us) and hands each message
// to the case engine. The SMTP reply tells the sending server whether to keep, retry or bounce it.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { ChannelAdapter, DeliverInbound } from '../model.ts';
import { defaultEmailLogger, type EmailLogger } from './logger.ts';
import { EmailRejected, type ParsedEmail, parseEmail } from './parse.ts';

export interface SmtpListenerOptions {
  /** 0 picks a free port (tests); read the bound one from `port()` after `start`. */
  port: number;
  host: string;
  /** Largest message accepted, in bytes; larger ones are refused with 552. */
  maxBytes: number;
  ownAddresses: readonly string[];
  logger?: EmailLogger;
}

export interface SmtpListener extends ChannelAdapter {
  start(deliver: DeliverInbound): Promise<void>;
  stop(): Promise<void>;
  /** The port actually bound, once started. */
  port(): number;
}

/** An SMTP error reply: smtp-server sends `responseCode` and the message to the client. */
function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

/** Reads the whole message, keeping at most `maxBytes` of it: an oversized one is refused anyway. */
async function readCapped(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (kept + chunk.length <= maxBytes) chunks.push(chunk);
    kept += chunk.length;
  }
  return stream.sizeExceeded || kept > maxBytes ? null : Buffer.concat(chunks);
}

/**
 * An inbound-only email adapter listening for SMTP. No authentication and no TLS: run it on
 * loopback or a private network behind the mail server that faces the internet.
 *
 * @example
 * const listener = createSmtpListener({ port: 2525, host: '127.0.0.1', maxBytes: 25 << 20, ownAddresses: ['support@acme.example'] });
 * await listener.start(deliver);
 */
export function createSmtpListener(options: SmtpListenerOptions): SmtpListener {
  const logger = options.logger ?? defaultEmailLogger('smtp-listener');
  let server: SMTPServer | null = null;

  function boundPort(): number {
    const address = server?.server.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The SMTP listener is not started');
    return address.port;
  }

  async function receive(stream: SMTPServerDataStream, deliver: DeliverInbound): Promise<string> {
    const raw = await readCapped(stream, options.maxBytes);
    if (!raw) throw smtpError(552, `Message exceeds the maximum size of ${options.maxBytes} bytes`);
    let parsed: ParsedEmail;
    try {
      parsed = await parseEmail(raw, { ownAddresses: options.ownAddresses });
    } catch (error) {
      if (error instanceof EmailRejected) {
        logger.warn({ reason: error.reason }, 'email refused');
        throw smtpError(error.smtpCode, error.reason);
      }
      throw error;
    }
    if (parsed.kind === 'ignored') {
      logger.info({ reason: parsed.reason }, 'email ignored');
      return 'Accepted and ignored (automatic mail)';
    }
    try {
      await deliver(parsed.message);
    } catch (error) {
      logger.error(
        { err: error, externalId: parsed.message.externalId },
        'email could not be stored; the sender will retry',
      );
      // Temporary: the sending server keeps the message and retries, so nothing is lost.
      throw smtpError(451, 'Temporary failure storing the message, please retry later');
    }
    logger.info({ externalId: parsed.message.externalId }, 'email received');
    return 'Message received';
  }

  return {
    channel: 'email',
    name: 'smtp-listener',

    port: boundPort,

    async start(deliver) {
      if (server) throw new Error('The SMTP listener is already started');
      const smtp = new SMTPServer({
        disabledCommands: ['AUTH', 'STARTTLS'],
        authOptional: true,
        size: options.maxBytes,
        logger: false,
        onData(stream, _session, callback) {
          receive(stream, deliver).then(
            (reply) => callback(null, reply),
            (error: Error & { responseCode?: number }) => {
              if (error.responseCode) return callback(error);
              logger.error({ err: error }, 'email could not be processed');
              callback(smtpError(451, 'Temporary failure processing the message, please retry later'));
            },
          );
        },
      });
      smtp.on('error', (error) => logger.error({ err: error }, 'SMTP listener error'));
      await new Promise<void>((resolve, reject) => {
        smtp.server.once('error', reject);
        smtp.listen(options.port, options.host, () => {
          smtp.server.off('error', reject);
          resolve();
        });
      });
      server = smtp;
      logger.info({ host: options.host, port: boundPort() }, 'SMTP listener started');
    },

    async stop() {
      const smtp = server;
      server = null;
      if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
