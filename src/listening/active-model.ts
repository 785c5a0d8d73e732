// The active model of each kind, parsed once per database connection and read again only when another version
// becomes active. The check is one indexed SELECT a call (text_models_active), so the projection's thread, with a
// connection of its own, learns of an activation made on the app's thread at its next batch.
import type { Db } from '../store/db.ts';
import type { TextModel } from './model-format.ts';
import { parseModel } from './model-format.ts';
import { activeTextModelId, textModelJson } from './models-store.ts';
import type { TextModelKind } from './training.ts';
import { classify } from './classifier.ts';
import { guessReason } from './reason-keywords.ts';

const cached = new WeakMap<object, Map<TextModelKind, { id: string; model: TextModel }>>();

/**
 * The active model of a kind, or null when none is (the offline rules apply).
 * @example const model = await activeTextModel(db, 'sentiment'); if (model) classify(model, text);
 */
export async function activeTextModel(db: Db, kind: TextModelKind): Promise<TextModel | null> {
  const id = await activeTextModelId(db, kind);
  let byKind = cached.get(db.root);
  if (!byKind) {
    byKind = new Map();
    cached.set(db.root, byKind);
  }
  if (id === null) {
    byKind.delete(kind);
    return null;
  }
  const known = byKind.get(kind);
  if (known?.id === id) return known.model;
  const json = await textModelJson(db, id);
  if (json === undefined) return null;
  const model = parseModel(json);
  byKind.set(kind, { id, model });
  return model;
}

export interface ReasonReading {
  reason: string;
  /** The model's probability of the reason; null for the keyword guesser, which has none. */
  confidence: number | null;
  source: 'model' | 'keywords';
}

/** Below this probability a trained model's reason is left for a person. */
export const DEFAULT_REASON_THRESHOLD = 0.5;

/**
 * The contact reason of a message: the active reason model's when it is confident enough (else null: a person
 * decides), or the keyword guesser's when no model is active.
 * @example await classifyReason(db, 'where is my parcel?') // { reason: 'delivery', confidence: 0.81, source: 'model' }
 */
export async function classifyReason(
  db: Db,
  text: string,
  options: { threshold?: number } = {},
): Promise<ReasonReading | null> {
  const model = await activeTextModel(db, 'reason');
  if (!model) {
    const reason = guessReason(text);
    return reason === null ? null : { reason, confidence: null, source: 'keywords' };
  }
  const { label, confidence } = classify(model, text);
  return confidence >= (options.threshold ?? DEFAULT_REASON_THRESHOLD)
    ? { reason: label, confidence, source: 'model' }
    : null;
}
