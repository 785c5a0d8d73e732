// The use cases of a company's text models: train a new version on labels (and decide whether it replaces the
// offline rules), restore any version, go back to the offline rules, and list the versions with their figures.
import type { Db } from '../store/db.ts';
import { newId } from '../shared/ids.ts';
import type { LabelledExample } from './classifier.ts';
import { listeningErrors } from './errors.ts';
import * as store from './models-store.ts';
import type { TextModelRecord } from './models-store.ts';
import { TooFewLabelsError, trainOnThread } from './training-thread.ts';
import { SENTIMENT_LABELS, tooFewLabels, type TextModelKind, type TrainedTextModel } from './training.ts';

export interface TrainingRequest {
  kind: TextModelKind;
  examples: LabelledExample[];
  /** Where the examples came from: 'cases', or a file's name. */
  trainedOn: string;
  /** The staff member training it; null for the command line. */
  createdBy: string | null;
  /** Runs in the transaction that stores the model (the administrative audit entry of the HTTP route). */
  onStored?: (tx: Db, outcome: TrainingOutcome) => Promise<void>;
}

export interface TrainingOutcome {
  model: TextModelRecord;
  /** Whether the new version is now the one in use. */
  activated: boolean;
  /** Why it is or is not in use, in a sentence for the person who trained it. */
  verdict: string;
}

/**
 * Trains a new version on labelled examples, on a thread of its own, and stores it with its cross-validated
 * figures. A reason model is active at once; a sentiment model only when it beats the offline baseline on the
 * same texts, else it is kept inactive and the verdict says so.
 * @example const { model, activated, verdict } = await trainTextModel(db, { kind: 'reason', examples, trainedOn: 'cases', createdBy: null });
 */
export async function trainTextModel(db: Db, request: TrainingRequest): Promise<TrainingOutcome> {
  const { kind, examples } = request;
  if (kind === 'sentiment') refuseUnknownSentimentLabels(examples);
  const refusal = tooFewLabels(examples);
  if (refusal) throw listeningErrors.error('too_few_labels', refusal);
  let trained: TrainedTextModel;
  try {
    trained = await trainOnThread(kind, examples);
  } catch (error) {
    if (error instanceof TooFewLabelsError) throw listeningErrors.error('too_few_labels', error.message);
    throw error;
  }
  const { activate, verdict } = decide(kind, trained);
  return db.transaction(async (tx) => {
    const id = newId('tm');
    const version = await store.nextTextModelVersion(tx, kind);
    await store.insertTextModel(tx, {
      id,
      kind,
      version,
      createdAt: Date.now(),
      createdBy: request.createdBy,
      trainedOn: { examples: trained.examples, source: request.trainedOn },
      metrics: trained.metrics,
      model: trained.model,
    });
    if (activate) await store.setActiveTextModel(tx, kind, id);
    const outcome = {
      model: (await store.findTextModel(tx, id))!,
      activated: activate,
      verdict: `Version ${version}: ${verdict}`,
    };
    await request.onStored?.(tx, outcome);
    return outcome;
  });
}

/** Whether a newly trained model goes into use, and why, in words. */
function decide(kind: TextModelKind, trained: TrainedTextModel): { activate: boolean; verdict: string } {
  const model = trained.metrics.macroF1.toFixed(2);
  if (kind === 'reason') return { activate: true, verdict: `macro-F1 ${model}; now in use` };
  const baseline = (trained.metrics.baselineMacroF1 ?? 0).toFixed(2);
  // Compared unrounded: the two figures are over the same texts and the same folds' predictions.
  return trained.metrics.macroF1 > (trained.metrics.baselineMacroF1 ?? 0)
    ? {
        activate: true,
        verdict: `the trained model scores ${model} on these texts, the baseline ${baseline}: now in use`,
      }
    : {
        activate: false,
        verdict: `the baseline scores ${baseline} on these texts, the trained model ${model}: kept the baseline`,
      };
}

function refuseUnknownSentimentLabels(examples: readonly LabelledExample[]): void {
  const known = new Set<string>(SENTIMENT_LABELS);
  const unknown = [...new Set(examples.map((example) => example.label).filter((label) => !known.has(label)))];
  if (unknown.length) {
    throw listeningErrors.error(
      'unknown_sentiment_label',
      `Sentiment labels are ${SENTIMENT_LABELS.join(', ')}; found ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? '…' : ''}`,
    );
  }
}

/** Every version of a kind, newest first, without the model itself. */
export async function listTextModels(db: Db, kind: TextModelKind): Promise<TextModelRecord[]> {
  return store.listTextModels(db, kind);
}

/** Puts a version (any, also an older one: a restore) in use for its kind. */
export async function activateTextModel(db: Db, id: string): Promise<TextModelRecord> {
  return db.transaction(async (tx) => {
    const model = await store.findTextModel(tx, id);
    if (!model) throw listeningErrors.error('model_not_found', `No text model ${id}`);
    await store.setActiveTextModel(tx, model.kind, id);
    return { ...model, active: true };
  });
}

/** Goes back to the offline rules for a kind: the keyword guesser for reasons, the baseline for sentiment. */
export async function deactivateTextModel(db: Db, kind: TextModelKind): Promise<void> {
  await db.transaction((tx) => store.setActiveTextModel(tx, kind, null));
}
