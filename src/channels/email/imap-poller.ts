// Collects customer mail from an IMAP mailbox (for teams without their own MX): every interval,
// each unread message is parsed, handed to the case engine and only then marked \Seen.
import { ImapFlow } from 'imapflow';
import type { ChannelAdapter, DeliverInbound } from '../model.ts';
import { defaultEmailLogger, type EmailLogger } from './logger.ts';
import { EmailRejected, parseEmail } from './parse.ts';

export interface ImapPollerOptions {
  /** `imap://user:pass@host:143/INBOX` (STARTTLS when offered) or `imaps://user:pass@host:993/INBOX`. */
  url: string;
  intervalMs: number;
  ownAddresses: readonly string[];
  logger?: EmailLogger;
}

export interface PollReport {
  /** Handed to the case engine and marked \Seen. */
  delivered: number;
  /** Automatic or our own mail: marked \Seen without delivering. */
  ignored: number;
  /** Unreadable mail (no From address, broken MIME): marked \Seen and logged, since it can never succeed. */
  rejected: number;
  /** The case engine failed: left unseen, so the next poll tries again. */
  failed: number;
}

export interface ImapPoller extends ChannelAdapter {
  start(deliver: DeliverInbound): Promise<void>;
  stop(): Promise<void>;
  /** One pass over the unseen mail, with `deliver` or the one given to `start`. */
  pollOnce(deliver?: DeliverInbound): Promise<PollReport>;
}

export interface ImapTarget {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
}

/** Reads the connection URL; errors name what is wrong but never repeat the password. */
export function parseImapUrl(url: string): ImapTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('The IMAP url is not a valid URL: expected imap://user:pass@host:port/INBOX or imaps://…');
  }
  const secure = parsed.protocol === 'imaps:';
  if (!secure && parsed.protocol !== 'imap:') {
    throw new Error(`The IMAP url must start with imap:// or imaps://, not ${parsed.protocol}//`);
  }
  if (!parsed.hostname) throw new Error('The IMAP url has no host');
  if (!parsed.username) throw new Error('The IMAP url has no user name: imap://user:pass@host/INBOX');
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    pass: decodeURIComponent(parsed.password),
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/**
 * The email adapter's polling half: inbound only.
 *
 * @example
 * const poller = createImapPoller({
 *   url: 'imaps://support%40acme.example:secret@imap.example.com/INBOX',
 *   intervalMs: 60_000,
 *   ownAddresses: ['support@acme.example'],
 * });
 * await poller.start(deliver);      // or, once: await poller.pollOnce(deliver); await poller.stop();
 */
export function createImapPoller(options: ImapPollerOptions): ImapPoller {
  const target = parseImapUrl(options.url);
  if (!(options.intervalMs > 0)) throw new Error('The IMAP poll interval must be a positive number of milliseconds');
  const logger = options.logger ?? defaultEmailLogger('imap');
  let client: ImapFlow | null = null;
  let started: DeliverInbound | null = null;
  // The timer loop runs while this is set; `stopRequested` ends a poll between two messages.
  let looping = false;
  let stopRequested = false;
  let timer: NodeJS.Timeout | null = null;
  // Polls run one at a time, whether started by the timer or by a caller.
  let running: Promise<unknown> = Promise.resolve();

  async function connection(): Promise<ImapFlow> {
    if (client?.usable) return client;
    dropConnection();
    const fresh = new ImapFlow({
      host: target.host,
      port: target.port,
      secure: target.secure,
      auth: { user: target.user, pass: target.pass },
      logger: false,
    });
    // Without a listener, a socket error would be thrown as an uncaught exception.
    fresh.on('error', (error: Error) => logger.warn({ err: error, host: target.host }, 'IMAP connection error'));
    fresh.on('close', () => {
      if (client === fresh) client = null;
    });
    try {
      await fresh.connect();
    } catch (error) {
      fresh.close();
      throw error;
    }
    client = fresh;
    return fresh;
  }

  function dropConnection(): void {
    const old = client;
    client = null;
    if (old) old.close();
  }

  async function handle(source: Buffer, uid: number, deliver: DeliverInbound): Promise<keyof PollReport> {
    try {
      const parsed = await parseEmail(source, { ownAddresses: options.ownAddresses });
      if (parsed.kind === 'ignored') {
        logger.info({ uid, reason: parsed.reason }, 'email ignored');
        return 'ignored';
      }
      await deliver(parsed.message);
      return 'delivered';
    } catch (error) {
      if (error instanceof EmailRejected) {
        logger.warn(
          { uid, mailbox: target.mailbox, reason: error.reason },
          'email refused; marked read and left in the mailbox',
        );
        return 'rejected';
      }
      logger.error({ err: error, uid }, 'email could not be stored; it stays unread and is tried again next poll');
      return 'failed';
    }
  }

  async function poll(deliver: DeliverInbound, report: PollReport): Promise<void> {
    const imap = await connection();
    const lock = await imap.getMailboxLock(target.mailbox);
    try {
      const unseen = (await imap.search({ seen: false }, { uid: true })) || [];
      // Oldest first, so cases open in the order customers wrote.
      for (const uid of [...unseen].sort((a, b) => a - b)) {
        if (stopRequested) break;
        // fetchOne reads with BODY.PEEK, so fetching alone does not mark the message read.
        const fetched = await imap.fetchOne(String(uid), { source: true }, { uid: true });
        // biome-ignore lint/complexity/useOptionalChain: fetchOne answers false, not undefined, for a message gone meanwhile
        if (!fetched || !fetched.source) continue;
        const outcome = await handle(fetched.source, uid, deliver);
        // Marked only after the case engine stored it: a crash in between re-delivers, and ingest is
        // idempotent on the Message-ID, so the worst case is a repeat that is recognised.
        if (outcome !== 'failed') await imap.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        report[outcome] += 1;
      }
    } finally {
      lock.release();
    }
  }

  async function pollWithReconnect(deliver: DeliverInbound): Promise<PollReport> {
    const report: PollReport = { delivered: 0, ignored: 0, rejected: 0, failed: 0 };
    const reusing = client !== null;
    try {
      await poll(deliver, report);
    } catch (error) {
      dropConnection();
      // A connection kept from an earlier poll may have died since (server restart, idle timeout):
      // one fresh attempt. A failure on a fresh connection is reported as it is.
      if (!reusing || stopRequested) throw error;
      logger.warn({ err: error, host: target.host }, 'IMAP connection lost; reconnecting');
      await poll(deliver, report);
    }
    return report;
  }

  function pollOnce(deliver?: DeliverInbound): Promise<PollReport> {
    const to = deliver ?? started;
    if (!to) return Promise.reject(new Error('pollOnce needs a deliver callback when the poller is not started'));
    const result = running.then(() => pollWithReconnect(to));
    running = result.catch(() => undefined);
    return result;
  }

  async function tick(): Promise<void> {
    timer = null;
    try {
      const report = await pollOnce();
      if (report.delivered + report.ignored + report.rejected + report.failed > 0) {
        logger.info({ ...report, mailbox: target.mailbox }, 'IMAP poll');
      }
    } catch (error) {
      logger.error({ err: error, host: target.host, retryInMs: options.intervalMs }, 'IMAP poll failed');
    }
    if (looping) timer = setTimeout(() => void tick(), options.intervalMs);
  }

  return {
    channel: 'email',
    name: 'imap',
    pollOnce,

    async start(deliver) {
      if (started) throw new Error('The IMAP poller is already started');
      started = deliver;
      looping = true;
      // Not awaited: a mail server that is down, or a long backlog, must not hold up the app's
      // startup. Failures are logged and retried every interval.
      void tick();
    },

    async stop() {
      looping = false;
      stopRequested = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      started = null;
      const open = client;
      client = null;
      if (open?.usable) await open.logout().catch(() => open.close());
      else open?.close();
      stopRequested = false;
    },
  };
}
