// HTTP routes for the company's text models: managers list the versions with their figures, train a reason model
// on the cases' staff-set reasons, restore a version, or go back to the offline rules.
import { z } from 'zod';
import { defineRoute, noContent } from '../http/route.ts';
import type { Db } from '../store/db.ts';
import type { LabelledExample } from './classifier.ts';
import { TextModelListSchema, TextModelSchema, TrainingOutcomeSchema, textModelView } from './responses.ts';
import { activateTextModel, deactivateTextModel, listTextModels, trainTextModel } from './service.ts';
import { TEXT_MODEL_KINDS } from './training.ts';

const kindSchema = z.enum(TEXT_MODEL_KINDS);
const idParams = z.object({ id: z.string().min(1).max(100) });

/** Where the routes find labels: cases sit above listening, so the app hands their reasons down. */
export interface LabelSources {
  reasonLabels(db: Db): Promise<LabelledExample[]>;
}

export function textModelRoutes(sources: LabelSources) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/listening/models',
      summary: 'The trained versions of a kind of text model (reason or sentiment), newest first, with their figures',
      tags: ['settings'],
      response: TextModelListSchema,
      auth: 'settings:manage',
      query: z.object({ kind: kindSchema }).strict(),
      handler: async ({ query, ctx }) => ({ items: (await listTextModels(ctx.db, query.kind)).map(textModelView) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/listening/models/train',
      summary:
        'Train a new reason model on the reasons staff set on cases (5-fold cross-validated figures); 422 with too few labels',
      tags: ['settings'],
      response: TrainingOutcomeSchema,
      status: 201,
      auth: 'settings:manage',
      // Not `audit:` on the route, which would hold a write transaction while the model trains: the service
      // records the entry in the short transaction that stores the model.
      body: z.object({ kind: z.enum(['reason']) }).strict(),
      handler: async ({ body, params, ctx }) => {
        const outcome = await trainTextModel(ctx.db, {
          kind: body.kind,
          examples: await sources.reasonLabels(ctx.db),
          trainedOn: 'cases',
          createdBy: ctx.staff?.id ?? null,
          onStored: (tx, stored) =>
            ctx.recordAdministrativeChange(tx, {
              action: 'text_model.trained',
              ctx,
              params,
              body,
              result: { id: stored.model.id, version: stored.model.version, activated: stored.activated },
            }),
        });
        return { ...outcome, model: textModelView(outcome.model) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/listening/models/:id/activate',
      summary: 'Put a version of a text model in use (also an older one: a restore)',
      tags: ['settings'],
      response: TextModelSchema,
      auth: 'settings:manage',
      audit: 'text_model.activated',
      params: idParams,
      handler: async ({ params, ctx }) => textModelView(await activateTextModel(ctx.db, params.id)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/listening/models/deactivate',
      summary: 'Go back to the offline rules for a kind: the keyword guesser for reasons, the baseline for sentiment',
      tags: ['settings'],
      response: noContent,
      auth: 'settings:manage',
      audit: 'text_model.deactivated',
      body: z.object({ kind: kindSchema }).strict(),
      handler: async ({ body, ctx }) => deactivateTextModel(ctx.db, body.kind),
    }),
  ];
}
