// Worker threads written in TypeScript, started the same way everywhere (the projection, the event log's writer).
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = new URL('./typescript-worker.mjs', import.meta.url);

/** Starts `entry` (a file URL of a .ts module) on a new thread with `data` as its `workerData`. */
export function startWorker(entry: URL, data: object): Worker {
  return new Worker(BOOTSTRAP, { workerData: { ...data, entry: entry.href } });
}
