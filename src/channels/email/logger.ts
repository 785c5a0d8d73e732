// The logging the email adapters need: a structured subset of pino's interface, so the app's
// logger (or a child of it) can be passed straight in.
import { pino } from 'pino';

export interface EmailLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** Used when the caller passes none: structured lines on stdout rather than silence. */
export function defaultEmailLogger(adapter: string): EmailLogger {
  return pino({ name: `email:${adapter}` });
}
