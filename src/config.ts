// Configuration from the environment, validated once at start-up.
import { resolve } from 'node:path';
import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js';

const environment = z.object({
  RAPPORT_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  RAPPORT_HOST: z.string().default('0.0.0.0'),
  RAPPORT_DATA_DIR: z.string().default('./data'),
  RAPPORT_ADMIN_EMAIL: z.email().default('admin@example.com'),
  RAPPORT_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  RAPPORT_DEFAULT_COUNTRY: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as US').default('US'),
  RAPPORT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RAPPORT_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  adminEmail: string;
  adminPassword: string | undefined;
  defaultCountry: CountryCode;
  logLevel: string;
  secureCookies: boolean;
}

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
    adminEmail: values.RAPPORT_ADMIN_EMAIL.toLowerCase(),
    adminPassword: values.RAPPORT_ADMIN_PASSWORD,
    defaultCountry: values.RAPPORT_DEFAULT_COUNTRY as CountryCode,
    logLevel: values.RAPPORT_LOG_LEVEL,
    secureCookies: values.RAPPORT_SECURE_COOKIES === 'true',
    ...rest,
  };
}
