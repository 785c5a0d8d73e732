// Percentiles and rates for benchmark results, and the rounding they are reported with.

/** Nearest-rank percentile (p in 0–100) of values sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no values');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface LatencySummary {
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export function summariseLatencies(durationsMs: readonly number[]): LatencySummary {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    p50Ms: roundTo(percentile(sorted, 50), 3),
    p90Ms: roundTo(percentile(sorted, 90), 3),
    p99Ms: roundTo(percentile(sorted, 99), 3),
    maxMs: roundTo(sorted[sorted.length - 1]!, 3),
    meanMs: roundTo(mean, 3),
  };
}

export function perSecond(count: number, elapsedMs: number): number {
  return Math.round((count / elapsedMs) * 1000);
}

export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A stopwatch that only runs while timed work runs, so that generating data between chunks is not counted. */
export class Stopwatch {
  private elapsed = 0;
  async time<T>(work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.elapsed += performance.now() - start;
    }
  }
  get elapsedMs(): number {
    return this.elapsed;
  }
}
