// The idempotency key of an interaction as one integer: a 53-bit hash of (source, sourceId). The
// index holds this 8-byte number instead of both strings (~60 bytes), so it stays small and mostly
// in cache; equal hashes are told apart by comparing the strings, so a collision costs one row read.

/** cyrb53 (public domain, bryc): fast, well mixed, and exact in a JavaScript number. */
export function sourceKey(source: string, sourceId: string): number {
  const text = `${source}\u0000${sourceId}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
