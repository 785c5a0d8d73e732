// The settings of one Rapport deployment, as every layer reads them. Read from the environment and
// validated once, at start-up, by the application (src/app/config.ts).
import type { CountryCode } from 'libphonenumber-js';

/** Fastify's `trustProxy`: false, true (anyone: dangerous), addresses and CIDRs, or a hop count as a function. */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  /** The ingest event log: its own SQLite file beside the database. */
  eventLogFile: string;
  /** Above this many seconds of projection waiting, the ingest edges answer 503 with Retry-After. */
  ingestMaxBacklogSeconds: number;
  /** Days the event log keeps projected events, for `rapport reproject`. */
  logRetentionDays: number;
  /**
   * Whether the server projects the log on a thread of its own (the default), so that answers never wait behind a
   * batch; false runs it on the main thread between requests, as the command line does.
   */
  projectionThread: boolean;
  adminEmail: string;
  adminPassword: string | undefined;
  defaultCountry: CountryCode;
  logLevel: string;
  secureCookies: boolean;
  /** Which proxies' X-Forwarded-For is believed for the client's address; none unless configured. */
  trustProxy: TrustProxy;
  /** The address customers reach this server at, for links sent to them (a survey); else the request's own origin. */
  publicUrl: string | undefined;
  /** Signs replies and the contact form's pages. */
  companyName: string;
  /** The address replies come from, and the one customers write to. */
  supportAddress: string;
  /** Inbound SMTP listener port; off when unset. */
  smtpPort: number | undefined;
  /** Outbound SMTP server for replies, e.g. smtp://user:pass@mail.example.com:587. */
  smtpUrl: string | undefined;
  /** A mailbox to poll, e.g. imaps://user:pass@imap.example.com/INBOX. */
  imapUrl: string | undefined;
  imapIntervalMs: number;
  mailMaxBytes: number;
  /** Where the recorded social feed adapter writes the posts it sends. */
  socialOutboxFile: string;
}
