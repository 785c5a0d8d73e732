// RAPPORT_TRUST_PROXY: which proxies may tell us the client's address in X-Forwarded-For. Unset, no
// one may, since believing anyone lets a client pick its own address and escape per-address limits.
import { isIP } from 'node:net';

import type { TrustProxy } from '../shared/config.ts';

export type { TrustProxy };

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * `''`/`false` → false; `true` → true; `1` → the nearest proxy; `127.0.0.1,10.0.0.0/8` → those addresses.
 * Throws with what is wrong and what to write instead.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new Error('a hop count is the number of proxies in front of Rapport: 1 to 10');
    // The nearest `hops` proxies are believed, as Fastify does with a number (its types accept only the function).
    return hops === 0 ? false : (_address: string, hop: number) => hop < hops;
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length || entries.length === 0) {
    throw new Error(
      `${bad.map((entry) => `"${entry}"`).join(', ') || 'nothing'} is not an address, a CIDR range or a hop count; write e.g. 1, or 127.0.0.1,10.0.0.0/8`,
    );
  }
  return entries;
}
