// A seeded pseudo-random source (Marsaglia's xorshift32), so every run generates the same data set
// and figures from two runs or two machines describe the same work.

export class Random {
  private state: number;

  constructor(seed: number) {
    // xorshift never leaves the all-zero state, so zero is replaced by a fixed odd constant.
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x1_0000_0000;
  }

  /** Uniform integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** 32 hex digits shaped as a UUID, as Segment libraries send for messageId and anonymousId. */
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++) hex += this.int(0x1_0000_0000).toString(16).padStart(8, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** A stable per-entity number (a person's favourite colour, her name), independent of the event stream's draws. */
export function hashOf(value: number, salt: number): number {
  let h = Math.imul(value ^ Math.imul(salt, 0x85ebca6b), 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}
