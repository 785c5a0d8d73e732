// Configuration from the environment, validated once at start-up.
import { resolve } from 'node:path';
import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js';
import type { Config } from '../shared/config.ts';
import { parseTrustProxy } from '../http/trust-proxy.ts';
import { newPassword } from '../staff/index.ts';

export type { Config };

const environment = z.object({
  RAPPORT_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  RAPPORT_HOST: z.string().default('0.0.0.0'),
  RAPPORT_DATA_DIR: z.string().default('./data'),
  RAPPORT_ADMIN_EMAIL: z.email().default('admin@example.com'),
  RAPPORT_ADMIN_PASSWORD: newPassword.optional(),
  RAPPORT_DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as US')
    .default('US'),
  RAPPORT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RAPPORT_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  RAPPORT_TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      try {
        return parseTrustProxy(raw);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  RAPPORT_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  RAPPORT_COMPANY_NAME: z.string().min(1).max(100).default('Rapport'),
  RAPPORT_SUPPORT_ADDRESS: z.email().default('support@example.com'),
  RAPPORT_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  RAPPORT_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  RAPPORT_IMAP_URL: z.url({ protocol: /^imaps?$/ }).optional(),
  RAPPORT_IMAP_INTERVAL_S: z.coerce.number().int().min(5).max(3600).default(60),
  RAPPORT_MAIL_MAX_BYTES: z.coerce.number().int().min(10_000).max(100_000_000).default(25_000_000),
  RAPPORT_INGEST_MAX_BACKLOG_S: z.coerce.number().min(0.1).max(86_400).default(30),
  RAPPORT_LOG_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(7),
  RAPPORT_PROJECTION_THREAD: z.enum(['true', 'false']).default('true'),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const values = parsed.data;
  const dataDir = resolve(overrides.dataDir ?? values.RAPPORT_DATA_DIR);
  const { dataDir: _dataDir, ...rest } = overrides;
  return {
    port: values.RAPPORT_PORT,
    host: values.RAPPORT_HOST,
    dataDir,
    databaseFile: resolve(dataDir, 'rapport.db'),
    eventLogFile: resolve(dataDir, 'events.db'),
    ingestMaxBacklogSeconds: values.RAPPORT_INGEST_MAX_BACKLOG_S,
    logRetentionDays: values.RAPPORT_LOG_RETENTION_DAYS,
    projectionThread: values.RAPPORT_PROJECTION_THREAD === 'true',
    adminEmail: values.RAPPORT_ADMIN_EMAIL.toLowerCase(),
    adminPassword: values.RAPPORT_ADMIN_PASSWORD,
    defaultCountry: values.RAPPORT_DEFAULT_COUNTRY as CountryCode,
    logLevel: values.RAPPORT_LOG_LEVEL,
    secureCookies: values.RAPPORT_SECURE_COOKIES === 'true',
    trustProxy: values.RAPPORT_TRUST_PROXY,
    publicUrl: values.RAPPORT_PUBLIC_URL,
    companyName: values.RAPPORT_COMPANY_NAME,
    supportAddress: values.RAPPORT_SUPPORT_ADDRESS.toLowerCase(),
    smtpPort: values.RAPPORT_SMTP_PORT,
    smtpUrl: values.RAPPORT_SMTP_URL,
    imapUrl: values.RAPPORT_IMAP_URL,
    imapIntervalMs: values.RAPPORT_IMAP_INTERVAL_S * 1000,
    mailMaxBytes: values.RAPPORT_MAIL_MAX_BYTES,
    socialOutboxFile: resolve(dataDir, 'social-outbox.jsonl'),
    ...rest,
  };
}
