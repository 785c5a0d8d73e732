// The cap on password hashes at once: never more running than allowed, a bounded queue, and a 503 beyond it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHashLimiter } from './hash-limiter.ts';
import type { DomainError } from '../shared/errors.ts';
import { statusOf } from '../http/errors.ts';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

test('runs at most `concurrency` at once, queues up to `queue`, and refuses the rest at once with 503', async () => {
  const limiter = createHashLimiter({ concurrency: 2, queue: 3 });
  const gates = Array.from({ length: 5 }, gate);
  const started: number[] = [];
  const runs = gates.map((g, i) =>
    limiter.run(async () => {
      started.push(i);
      await g.opened;
      return i;
    }),
  );
  await Promise.resolve();
  assert.deepEqual(started, [0, 1], 'two run, three wait');
  assert.deepEqual(limiter.stats(), { running: 2, waiting: 3, peakRunning: 2 });
  await assert.rejects(
    limiter.run(async () => 'never'),
    (error: DomainError) => {
      assert.equal(error.code, 'server_busy');
      assert.equal(statusOf(error), 503);
      return true;
    },
  );
  for (const g of gates) g.open();
  assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4]);
  assert.deepEqual(limiter.stats(), { running: 0, waiting: 0, peakRunning: 2 });
});

test('a failed hash frees its slot for the next in line', async () => {
  const limiter = createHashLimiter({ concurrency: 1, queue: 1 });
  const first = limiter.run(async () => {
    throw new Error('boom');
  });
  const second = limiter.run(async () => 'second');
  await assert.rejects(first, /boom/);
  assert.equal(await second, 'second');
  assert.equal(limiter.stats().running, 0);
});
