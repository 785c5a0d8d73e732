// The entry of every worker thread whose code is TypeScript (startWorker in workers.ts). Plain JavaScript: a worker
// starts without the parent's TypeScript hooks when the parent is a bundle or plain node, so tsx's own API loads it.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
