// What a projection keeps for those waiting on it, wherever it runs (projector.ts on this thread, the app's side
// of the projection thread): who waits for which position, and the outcomes appenders will come back for.
const OUTCOME_KEPT_MS = 60_000;
/** A timer longer than 2^31 − 1 ms would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Waiter {
  position: number;
  resolve(reached: boolean): void;
}

/** Callers waiting for a position to be projected, each with its own time limit. */
export class PositionWaiters {
  private readonly waiting = new Set<Waiter>();

  /** Resolves true once `reached` is called with `position` or more, false after `timeoutMs` (`Infinity`: never). */
  wait(position: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve: (reached) => {
          clearTimeout(timer);
          this.waiting.delete(waiter);
          resolve(reached);
        },
      };
      const timer = timeoutMs < MAX_TIMER_MS ? setTimeout(() => waiter.resolve(false), timeoutMs) : undefined;
      this.waiting.add(waiter);
    });
  }

  /** The projection has passed `projected`: those waiting for it or less are answered. */
  reached(projected: number): void {
    for (const waiter of this.waiting) if (waiter.position <= projected) waiter.resolve(true);
  }

  /** Stopping for good: everyone still waiting is answered false. */
  endAll(): void {
    for (const waiter of this.waiting) waiter.resolve(false);
  }
}

/** Outcomes kept by position for the appenders that wait for them (`collectOutcomes`); a minute at most. */
export class KeptOutcomes<Outcome> {
  readonly byPosition = new Map<number, Outcome>();
  private readonly keptAt = new Map<number, number>();

  keep(outcomes: Iterable<[number, Outcome]>, now = Date.now()): void {
    for (const [position, outcome] of outcomes) {
      this.byPosition.set(position, outcome);
      this.keptAt.set(position, now);
    }
  }

  /** Outcomes nobody came for (the request gave up waiting) go after a minute. */
  expire(now = Date.now()): void {
    for (const [position, at] of this.keptAt) {
      if (now - at < OUTCOME_KEPT_MS) break;
      this.keptAt.delete(position);
      this.byPosition.delete(position);
    }
  }
}
