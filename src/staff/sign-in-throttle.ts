// Slows password guessing at sign-in with three fixed-window limits on failures: per address and
// email, per address across all emails (password spraying), and per account across addresses.
import { createRateLimiter } from '../http/rate-limit.ts';

const WINDOW_MS = 15 * 60 * 1000;
/** An address where an account signed in is remembered this long as one of its own. */
const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;
const KNOWN_ADDRESSES_PER_ACCOUNT = 20;

export const SIGN_IN_LIMITS = {
  /** Guessing one person's password from one place. */
  perAddressAndEmail: 10,
  /** Trying a few passwords against many accounts from one place. */
  perAddress: 30,
  /** Guessing one person's password from many places (a botnet, or rotated addresses). */
  perAccount: 50,
} as const;

export interface SignInThrottle {
  /** Seconds before this address may try this email again, and why; null when it may now. */
  wait(ip: string, email: string, now?: number): { seconds: number; reason: string } | null;
  failed(ip: string, email: string, now?: number): void;
  succeeded(ip: string, email: string, now?: number): void;
}

/**
 * The per-account limit must not let a stranger lock a real person out: once it trips, only addresses
 * from which that account has signed in within 30 days may go on trying (each still under its own
 * per-address limits), and the window ends by itself after 15 minutes. Everything is in memory, so a
 * restart forgets it: a scaled-out deployment puts the same limits in its load balancer.
 */
export function createSignInThrottle(): SignInThrottle {
  const byAddressAndEmail = createRateLimiter({ max: SIGN_IN_LIMITS.perAddressAndEmail, windowMs: WINDOW_MS });
  const byAddress = createRateLimiter({ max: SIGN_IN_LIMITS.perAddress, windowMs: WINDOW_MS });
  const byAccount = createRateLimiter({ max: SIGN_IN_LIMITS.perAccount, windowMs: WINDOW_MS });
  const knownAddresses = new Map<string, Map<string, number>>();

  const isKnown = (ip: string, account: string, now: number) => {
    const seenAt = knownAddresses.get(account)?.get(ip);
    return seenAt !== undefined && now - seenAt < KNOWN_ADDRESS_MS;
  };

  return {
    wait(ip, email, now = Date.now()) {
      const account = email.trim().toLowerCase();
      const address = byAddress.retryAfter(ip, now);
      if (address > 0) return { seconds: address, reason: 'from your address' };
      const pair = byAddressAndEmail.retryAfter(`${ip}|${account}`, now);
      if (pair > 0) return { seconds: pair, reason: 'for this email from your address' };
      const accountWait = isKnown(ip, account, now) ? 0 : byAccount.retryAfter(account, now);
      if (accountWait > 0) return { seconds: accountWait, reason: 'for this account' };
      return null;
    },
    failed(ip, email, now = Date.now()) {
      const account = email.trim().toLowerCase();
      byAddress.hit(ip, now);
      byAddressAndEmail.hit(`${ip}|${account}`, now);
      byAccount.hit(account, now);
    },
    succeeded(ip, email, now = Date.now()) {
      const account = email.trim().toLowerCase();
      // The address's own count across emails stays: one valid account must not reset a sprayer's count.
      byAddressAndEmail.reset(`${ip}|${account}`);
      const known = knownAddresses.get(account) ?? new Map<string, number>();
      known.delete(ip);
      known.set(ip, now);
      if (known.size > KNOWN_ADDRESSES_PER_ACCOUNT) known.delete(known.keys().next().value!);
      knownAddresses.set(account, known);
    },
  };
}
