// What the text model routes answer: each version with its cross-validated figures, never the model itself.
import { z } from 'zod';
import type { TextModelRecord } from './models-store.ts';
import { TEXT_MODEL_KINDS } from './training.ts';

export const LabelFiguresSchema = z
  .strictObject({
    label: z.string(),
    precision: z.number(),
    recall: z.number(),
    f1: z.number(),
    support: z.number().meta({ description: 'How many training examples truly have the label' }),
  })
  .meta({ id: 'LabelFigures' });

export const TextModelSchema = z
  .strictObject({
    id: z.string(),
    kind: z.enum(TEXT_MODEL_KINDS),
    version: z.number().int(),
    createdAt: z.string().meta({ description: 'ISO 8601' }),
    createdBy: z
      .strictObject({ id: z.string(), name: z.string().nullable() })
      .nullable()
      .meta({ description: 'The staff member who trained it; null when trained from the command line' }),
    trainedOn: z.strictObject({
      examples: z.number().int(),
      source: z.string().meta({ description: "'cases' (staff-set reasons) or the labelled file's name" }),
    }),
    metrics: z
      .strictObject({
        perLabel: z.array(LabelFiguresSchema),
        macroF1: z.number(),
        accuracy: z.number(),
        baselineMacroF1: z
          .number()
          .nullable()
          .meta({ description: "Sentiment: the offline baseline's macro-F1 on the same texts; null for reasons" }),
      })
      .meta({ description: '5-fold cross-validated on the training examples' }),
    active: z.boolean(),
  })
  .meta({ id: 'TextModel' });

export const TextModelListSchema = z
  .strictObject({ items: z.array(TextModelSchema).meta({ description: 'Newest first' }) })
  .meta({ id: 'TextModelList' });

export const TrainingOutcomeSchema = z
  .strictObject({
    model: TextModelSchema,
    activated: z.boolean(),
    verdict: z.string().meta({ description: 'Why the new version is or is not in use' }),
  })
  .meta({ id: 'TrainingOutcome' });

export type TextModelView = z.infer<typeof TextModelSchema>;

export function textModelView(record: TextModelRecord): TextModelView {
  return {
    id: record.id,
    kind: record.kind,
    version: record.version,
    createdAt: new Date(record.createdAt).toISOString(),
    createdBy: record.createdBy === null ? null : { id: record.createdBy, name: record.createdByName },
    trainedOn: record.trainedOn,
    metrics: {
      perLabel: record.metrics.perLabel,
      macroF1: record.metrics.macroF1,
      accuracy: record.metrics.accuracy,
      baselineMacroF1: record.metrics.baselineMacroF1 ?? null,
    },
    active: record.active,
  };
}
