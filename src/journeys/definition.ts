// A journey as a manager defines it: stages in order, each with touchpoints in order; a touchpoint's matcher says
// which interactions belong to it, its targets what the experience there is meant to be. One zod schema checks a
// definition on its way in (the API) and on its way out (the database's JSON), so a stored journey is always whole.
import { z } from 'zod';
import { CHANNELS, DIRECTIONS } from '../interactions/index.ts';
import { COMPARATORS, METRIC_RANGES, TARGET_METRICS, type TargetMetric } from './model.ts';

export const MAX_STAGES = 12;
export const MAX_TOUCHPOINTS = 40;
export const MAX_TARGETS = 10;
export const DEFAULT_EPISODE_DAYS = 30;

const ID = /^[a-z][a-z0-9_-]{0,39}$/;
const TYPE = /^[a-z][a-z0-9_]{0,49}$/;

const someOf = <T extends z.ZodType>(item: T, max = 50) =>
  z.array(item).min(1, 'Give at least one value, or leave the field out').max(max);

const name = z.string().trim().min(1, 'Give it a name').max(100);

/** Which interactions belong to a touchpoint: every field given must match (and), any value of a field may (or). */
export const matcherSchema = z
  .strictObject({
    events: someOf(z.string().trim().min(1).max(200))
      .optional()
      .meta({ description: 'Tracked event names (e.g. Order Completed), exactly as sent' }),
    channels: someOf(z.enum(CHANNELS), CHANNELS.length).optional(),
    types: someOf(z.string().trim().regex(TYPE, 'lower_snake_case, e.g. message, call, page_view'))
      .optional()
      .meta({ description: 'Interaction types (message, call, purchase, page_view, survey_response, …)' }),
    reasons: someOf(z.string().trim().min(1).max(100))
      .optional()
      .meta({ description: 'Contact reasons: the case’s reason, or the one listening read in the text' }),
    pages: someOf(z.string().trim().min(1).max(500))
      .optional()
      .meta({ description: 'Page views whose path or url starts with one of these (e.g. /checkout)' }),
    direction: z.enum(DIRECTIONS).optional(),
  })
  .refine((matcher) => Object.values(matcher).some((value) => value !== undefined), {
    message: 'Say which interactions belong here: events, channels, types, reasons, pages or direction',
  })
  .meta({ id: 'TouchpointMatcher' });
export type Matcher = z.infer<typeof matcherSchema>;

export const targetSchema = z
  .strictObject({
    metric: z.enum(TARGET_METRICS),
    comparator: z.enum(COMPARATORS),
    value: z.number().finite(),
  })
  .meta({ id: 'TouchpointTarget' });

const id = z.string().regex(ID, 'lower-case letters, digits, _ or -, starting with a letter');

function touchpointSchema<I extends z.ZodType>(idSchema: I) {
  return z.strictObject({
    id: idSchema,
    name,
    matcher: matcherSchema,
    targets: z.array(targetSchema).max(MAX_TARGETS).default([]),
  });
}

function stagesSchema<I extends z.ZodType>(idSchema: I) {
  return z
    .array(
      z.strictObject({
        id: idSchema,
        name,
        touchpoints: z.array(touchpointSchema(idSchema)).min(1, 'A stage needs at least one touchpoint'),
      }),
    )
    .min(1, 'A journey needs at least one stage')
    .max(MAX_STAGES)
    .superRefine((stages, ctx) => {
      const seen = new Set<string>();
      const unique = (value: unknown, path: PropertyKey[]) => {
        if (typeof value !== 'string') return;
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path, message: `The id ${value} is used twice` });
        seen.add(value);
      };
      let touchpoints = 0;
      stages.forEach((stage, s) => {
        unique((stage as { id?: string }).id, [s, 'id']);
        stage.touchpoints.forEach((touchpoint, t) => {
          touchpoints += 1;
          if (touchpoints === MAX_TOUCHPOINTS + 1) {
            ctx.addIssue({
              code: 'custom',
              path: [s, 'touchpoints'],
              message: `At most ${MAX_TOUCHPOINTS} touchpoints`,
            });
          }
          unique((touchpoint as { id?: string }).id, [s, 'touchpoints', t, 'id']);
          const metrics = new Set<TargetMetric>();
          touchpoint.targets.forEach((target, k) => {
            const path = [s, 'touchpoints', t, 'targets', k];
            if (metrics.has(target.metric)) {
              ctx.addIssue({ code: 'custom', path: [...path, 'metric'], message: 'One target per metric' });
            }
            metrics.add(target.metric);
            const range = METRIC_RANGES[target.metric];
            if (target.value < range.min || target.value > range.max) {
              ctx.addIssue({
                code: 'custom',
                path: [...path, 'value'],
                message: `${range.label} lies from ${range.min} to ${range.max}`,
              });
            }
          });
        });
      });
    });
}

/** Stages as the API takes them: ids are optional (new stages and touchpoints get one), kept when given. */
export const stagesInputSchema = stagesSchema(id.optional());
/** Stages as stored and answered: every stage and touchpoint has its id. */
export const storedStagesSchema = stagesSchema(id);

export type StagesInput = z.infer<typeof stagesInputSchema>;
export type Stage = z.infer<typeof storedStagesSchema>[number];
export type Touchpoint = Stage['touchpoints'][number];
export type Target = Touchpoint['targets'][number];

const episodeDays = z
  .number()
  .int('Whole days')
  .min(1)
  .max(365)
  .meta({ description: 'An episode ends after this many days without a matching interaction' });
const description = z.string().trim().max(2000);

export const newJourneySchema = z.strictObject({
  name,
  description: description.default(''),
  episodeDays: episodeDays.default(DEFAULT_EPISODE_DAYS),
  stages: stagesInputSchema,
});
export type NewJourney = z.infer<typeof newJourneySchema>;

export const journeyChangesSchema = z
  .strictObject({
    name: name.optional(),
    description: description.optional(),
    episodeDays: episodeDays.optional(),
    stages: stagesInputSchema.optional().meta({ description: 'The stages whole, in order; ids kept where given' }),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), 'Change at least one field');
export type JourneyChanges = z.infer<typeof journeyChangesSchema>;
