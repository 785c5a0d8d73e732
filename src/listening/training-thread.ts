// Trains a text model on a thread of its own and waits for it: 10,000 examples take seconds (5-fold
// cross-validation and the final model; see the training time in the report of issue 13), and the server's
// event loop answers requests meanwhile.
import { startWorker } from '../shared/workers.ts';
import type { LabelledExample } from './classifier.ts';
import type { TextModelKind, TrainedTextModel } from './training.ts';

export interface TrainingThreadData {
  kind: TextModelKind;
  examples: LabelledExample[];
}

export type FromTraining =
  | { kind: 'trained'; trained: TrainedTextModel }
  | { kind: 'failed'; message: string; tooFew: boolean };

/** Too few labels, found on the thread (the service checks first, so this is the thread's own word for it). */
export class TooFewLabelsError extends RangeError {}

/** Resolves with the trained model and its figures; rejects with what went wrong on the thread. */
export function trainOnThread(kind: TextModelKind, examples: LabelledExample[]): Promise<TrainedTextModel> {
  const worker = startWorker(new URL('./training-worker.ts', import.meta.url), { kind, examples });
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: FromTraining) => {
      if (answer.kind === 'trained') resolve(answer.trained);
      else reject(answer.tooFew ? new TooFewLabelsError(answer.message) : new Error(answer.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the training thread exited with ${code} before answering`)));
  });
}
