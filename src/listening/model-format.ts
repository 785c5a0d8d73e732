// A trained classifier as a plain JSON object, and back: only the features seen in training are stored (their
// index, idf and weights as base64 Float32/Int32 arrays), so a model weighs what its data holds, not 2^bits.
import { z } from 'zod';
import { featureWidth, type FeatureSettings } from './features.ts';

/** The model format this code reads and writes; a model of another format is refused, not guessed at. */
export const MODEL_FORMAT = 1;
export const MODEL_KIND = 'linear-text-classifier';

const FeatureSettingsSchema = z.object({
  hashBits: z.number().int().min(4).max(24),
  wordNgrams: z.number().int().min(1).max(2),
  charNgrams: z.object({ min: z.number().int().min(0).max(10), max: z.number().int().min(0).max(10) }),
  minDocuments: z.number().int().min(1),
  lexiconPolarity: z.boolean(),
  sentimentSignals: z.boolean(),
});

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const TextModelSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  kind: z.literal(MODEL_KIND),
  labels: z.array(z.string()).min(2),
  features: FeatureSettingsSchema,
  /** Indices of the features seen in training (Int32, base64). */
  seen: Base64,
  /** Their inverse document frequencies (Float32, base64). */
  idf: Base64,
  /** Weights of the seen features, then of the dense signals, each row one weight a label (Float32, base64). */
  weights: Base64,
  bias: z.array(z.number()),
  trainedOn: z.object({ examples: z.number().int().nonnegative() }),
});

/** A trained classifier: JSON-serialisable as it is. */
export type TextModel = z.infer<typeof TextModelSchema>;

/** A model's arrays laid out for scoring: dense over every feature index. */
export interface DecodedModel {
  labels: string[];
  settings: FeatureSettings;
  idf: Float32Array;
  /** Feature-major: weights[feature × labels + label]. */
  weights: Float32Array;
  bias: number[];
}

// Decoding a model costs milliseconds; classify() is called per message with the same model object.
const decodedModels = new WeakMap<TextModel, DecodedModel>();

/** Packs dense arrays into a model, keeping the features that training saw. */
export function encodeModel(input: {
  labels: string[];
  settings: FeatureSettings;
  idf: Float32Array;
  weights: Float32Array;
  bias: number[];
  examples: number;
}): TextModel {
  const { labels, settings, idf, weights, bias } = input;
  const labelCount = labels.length;
  const seen: number[] = [];
  for (let index = 0; index < idf.length; index += 1) if (idf[index]! > 0) seen.push(index);
  const signalCount = featureWidth(settings) - idf.length;
  const kept = new Float32Array((seen.length + signalCount) * labelCount);
  for (const [row, index] of seen.entries())
    kept.set(weights.subarray(index * labelCount, (index + 1) * labelCount), row * labelCount);
  kept.set(weights.subarray(idf.length * labelCount), seen.length * labelCount);
  const model: TextModel = {
    format: MODEL_FORMAT,
    kind: MODEL_KIND,
    labels,
    features: settings,
    seen: toBase64(Int32Array.from(seen)),
    idf: toBase64(Float32Array.from(seen, (index) => idf[index]!)),
    weights: toBase64(kept),
    bias,
    trainedOn: { examples: input.examples },
  };
  decodedModels.set(model, { labels, settings, idf, weights, bias });
  return model;
}

/** The dense arrays of a model (cached per model object). */
export function decodeModel(model: TextModel): DecodedModel {
  const cached = decodedModels.get(model);
  if (cached) return cached;
  const labelCount = model.labels.length;
  const width = featureWidth(model.features);
  const hashed = 2 * 2 ** model.features.hashBits;
  const seen = new Int32Array(fromBase64(model.seen));
  const idfSeen = new Float32Array(fromBase64(model.idf));
  const kept = new Float32Array(fromBase64(model.weights));
  const idf = new Float32Array(hashed);
  const weights = new Float32Array(width * labelCount);
  for (const [row, index] of seen.entries()) {
    idf[index] = idfSeen[row]!;
    weights.set(kept.subarray(row * labelCount, (row + 1) * labelCount), index * labelCount);
  }
  weights.set(kept.subarray(seen.length * labelCount), hashed * labelCount);
  const decoded = { labels: model.labels, settings: model.features, idf, weights, bias: model.bias };
  decodedModels.set(model, decoded);
  return decoded;
}

/** A model as JSON text, to store. */
export function serialiseModel(model: TextModel): string {
  return JSON.stringify(model);
}

/**
 * A stored model read back and checked. A model of another format (or not a model) is refused with the reason.
 * @example const model = parseModel(readFileSync('reasons.model.json', 'utf8'));
 */
export function parseModel(json: string): TextModel {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ModelFormatError(`The model is not JSON: ${(error as Error).message}`);
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== MODEL_FORMAT) {
    throw new ModelFormatError(
      `The model has format ${JSON.stringify(format)}; this version of Rapport reads format ${MODEL_FORMAT}: train it again`,
    );
  }
  const parsed = TextModelSchema.safeParse(value);
  if (!parsed.success) {
    throw new ModelFormatError(`The model is not a valid ${MODEL_KIND}: ${z.prettifyError(parsed.error)}`);
  }
  const model = parsed.data;
  const rows = new Int32Array(fromBase64(model.seen)).length;
  const expected = (rows + featureWidth(model.features) - 2 * 2 ** model.features.hashBits) * model.labels.length;
  if (fromBase64(model.weights).byteLength !== expected * 4 || model.bias.length !== model.labels.length) {
    throw new ModelFormatError('The model is not a valid linear-text-classifier: its weights do not match its labels');
  }
  return model;
}

/** A stored model that cannot be used. */
export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
}

function toBase64(array: Float32Array | Int32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** Bytes copied into a fresh, aligned buffer (a Buffer's own may start at any offset). */
function fromBase64(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}
