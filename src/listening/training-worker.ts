// The thread a text model trains on (training-thread.ts starts it): cross-validation and training take seconds
// on thousands of examples, which on the server's thread would hold every request meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { trainTextModelOn } from './training.ts';
import type { TrainingThreadData, FromTraining } from './training-thread.ts';

const { kind, examples } = workerData as TrainingThreadData;
let answer: FromTraining;
try {
  answer = { kind: 'trained', trained: trainTextModelOn(kind, examples) };
} catch (error) {
  answer = { kind: 'failed', message: (error as Error).message, tooFew: error instanceof RangeError };
}
parentPort!.postMessage(answer);
