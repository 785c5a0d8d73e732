// Caps how many password hashes run at once. scrypt takes 32 MiB and tens of milliseconds of a core
// each, so a flood of sign-ins would otherwise starve every other request; beyond a short queue the
// caller is told to come back (503 with Retry-After) instead of waiting behind everyone else.
import { staffErrors } from './errors.ts';

export interface HashLimiter {
  /** Runs `work` when a slot is free; refuses at once with `server_busy` (503) when the queue is full. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Hashes running now, waiting now, and the most ever running at once (for tests and metrics). */
  stats(): { running: number; waiting: number; peakRunning: number };
}

/** Seconds a refused caller is told to wait: a queue's worth of hashes is done well within it. */
export const BUSY_RETRY_AFTER_S = 5;

export function createHashLimiter(options: { concurrency: number; queue: number }): HashLimiter {
  let running = 0;
  let peakRunning = 0;
  const waiting: Array<() => void> = [];
  // A finished hash hands its slot straight to the next in line, so no newcomer can slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run(work) {
      if (running >= options.concurrency) {
        if (waiting.length >= options.queue) {
          throw staffErrors.error(
            'server_busy',
            `Too many passwords are being checked at once; try again in ${BUSY_RETRY_AFTER_S} s`,
            { retryAfterSeconds: BUSY_RETRY_AFTER_S },
          );
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running++;
      }
      peakRunning = Math.max(peakRunning, running);
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length, peakRunning }),
  };
}
