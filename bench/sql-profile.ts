// `--profile-sql`: time spent inside each SQL statement the ingest pipeline (or the case replay) runs,
// and in BEGIN…COMMIT, per event or post — to see which statements a change makes cheaper. Off by
// default: it adds a little.
import type { Db, SqlValue } from '../src/store/db.ts';
import { say } from './output.ts';

interface StatementCost {
  calls: number;
  ms: number;
}

const TRANSACTION_OVERHEAD = '(BEGIN IMMEDIATE … COMMIT, lock, WAL write and checkpoint)';

export class SqlProfile {
  private readonly costs = new Map<string, StatementCost>();

  /** A Db that forwards to `db` and times each statement; SQLite runs it synchronously, inside the call. */
  wrap(db: Db): Db {
    const timed = <T>(sql: string, call: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const result = call();
      this.add(sql, performance.now() - start);
      return result;
    };
    return {
      engine: db.engine,
      root: db.root,
      all: (sql, params) => timed(sql, () => db.all(sql, params)),
      get: (sql, params) => timed(sql, () => db.get(sql, params)),
      run: (sql, params?: readonly SqlValue[]) => timed(sql, () => db.run(sql, params)),
      transaction: async (work) => {
        const start = performance.now();
        let workMs = 0;
        const result = await db.transaction(async (tx) => {
          const workStart = performance.now();
          try {
            return await work(this.wrap(tx));
          } finally {
            workMs = performance.now() - workStart;
          }
        });
        this.add(TRANSACTION_OVERHEAD, performance.now() - start - workMs);
        return result;
      },
    };
  }

  /** The costliest statements, per event ingested (or per `unit` handled). */
  print(events: number, unit = 'event', rows = 25): void {
    const perEvent = (ms: number) => `${((ms * 1000) / events).toFixed(1)} µs`;
    const sorted = [...this.costs].sort((a, b) => b[1].ms - a[1].ms);
    const total = sorted.reduce((sum, [, cost]) => sum + cost.ms, 0);
    say(
      `SQL profile: ${perEvent(total)} per ${unit} inside SQLite (µs per ${unit}, calls per ${unit}, µs per call, statement)`,
    );
    for (const [sql, cost] of sorted.slice(0, rows)) {
      const perCall = ((cost.ms * 1000) / cost.calls).toFixed(1);
      const oneLine = sql.replace(/\s+/g, ' ').slice(0, 110);
      say(
        `${perEvent(cost.ms).padStart(10)} ${(cost.calls / events).toFixed(2).padStart(6)} ${perCall.padStart(9)} µs  ${oneLine}`,
      );
    }
  }

  /** Keyed by the SQL text as written: the same constant string every call, so the lookup stays cheap. */
  private add(sql: string, ms: number): void {
    const cost = this.costs.get(sql);
    if (cost) {
      cost.calls++;
      cost.ms += ms;
    } else {
      this.costs.set(sql, { calls: 1, ms });
    }
  }
}
