// The projection thread's entry (projector-thread.ts starts it). Plain JavaScript: a worker starts without the
// parent's TypeScript hooks when the parent is a bundle, so this loads the projection through tsx's own API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./projector-worker.ts', import.meta.url);
