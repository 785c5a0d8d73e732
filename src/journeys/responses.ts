// What the journey routes answer: a journey as defined, the list, and a report of intended against actual per
// touchpoint, the funnel of stages and the journey overall. The view types are z.infer of these schemas.
import { z } from 'zod';
import { storedStagesSchema } from './definition.ts';
import { COMPARATORS, TARGET_METRICS } from './model.ts';

const instant = (description: string) => z.string().meta({ description: `${description}; ISO 8601` });

export const JourneySchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    episodeDays: z.number().int(),
    stages: storedStagesSchema,
    createdAt: instant('When it was defined'),
    updatedAt: instant('When it last changed'),
    archivedAt: z.string().nullable().meta({ description: 'When it was archived; null while in use' }),
  })
  .meta({ id: 'Journey' });

export const JourneyListSchema = z.strictObject({ items: z.array(JourneySchema) }).meta({ id: 'JourneyList' });

const measured = (description: string) => z.number().nullable().meta({ description });

export const TargetResultSchema = z
  .strictObject({
    metric: z.enum(TARGET_METRICS),
    comparator: z.enum(COMPARATORS),
    intended: z.number(),
    actual: measured('What was measured; null when there was nothing to measure'),
    gap: measured('How far from intended, positive when worse (actual − intended for atMost, the reverse for atLeast)'),
    relativeGap: measured('gap ÷ |intended|; null without an actual or when 0 was intended'),
    met: z.boolean().nullable().meta({ description: 'null when there was nothing to measure' }),
  })
  .meta({ id: 'JourneyTargetResult' });

const where = {
  touchpointId: z.string(),
  touchpoint: z.string().meta({ description: 'Its name' }),
  stage: z.string().meta({ description: 'Its stage’s name' }),
};

export const JourneyReportSchema = z
  .strictObject({
    journeyId: z.string(),
    from: instant('Start of the period, in the time zone'),
    to: instant('End of the period, exclusive'),
    timeZone: z.string(),
    episodeDays: z.number().int(),
    stages: z
      .array(z.strictObject({ stageId: z.string(), name: z.string(), episodes: z.number().int() }))
      .meta({ description: 'The funnel: episodes that reached each stage, in order' }),
    touchpoints: z.array(
      z.strictObject({
        touchpointId: z.string(),
        name: z.string(),
        stageId: z.string(),
        stage: z.string(),
        episodes: z.number().int().meta({ description: 'Episodes that reached it' }),
        dropOff: measured('% of those whose last touchpoint it was, without completing the journey (0–100)'),
        medianWait: measured('Hours from the episode’s previous interaction to its first one here (median)'),
        measures: z
          .strictObject(
            Object.fromEntries(TARGET_METRICS.map((metric) => [metric, z.number().nullable()])) as Record<
              (typeof TARGET_METRICS)[number],
              z.ZodNullable<z.ZodNumber>
            >,
          )
          .meta({
            description: 'Every metric as measured here, targeted or not; null when there was nothing to measure',
          }),
        targets: z.array(TargetResultSchema).meta({ description: 'Each target, intended beside actual' }),
      }),
    ),
    overall: z.strictObject({
      episodes: z.number().int().meta({ description: 'Episodes that started in the period' }),
      completed: z.number().int().meta({ description: 'Of those, the ones that reached the last stage' }),
      completionRate: measured('completed ÷ episodes, in % (0–100)'),
      medianDuration: measured('Hours from an episode’s first interaction to its last (median)'),
      gaps: z
        .array(z.strictObject({ ...where, ...TargetResultSchema.shape }))
        .meta({ description: 'Every target missed, worst first (by relativeGap, then gap)' }),
      bottlenecks: z.strictObject({
        dropOff: z
          .strictObject({ ...where, dropOff: z.number(), dropped: z.number().int() })
          .nullable()
          .meta({ description: 'Where the largest share of episodes ended without completing' }),
        wait: z
          .strictObject({ ...where, medianWait: z.number() })
          .nullable()
          .meta({ description: 'Where customers waited longest to arrive (median hours)' }),
      }),
    }),
  })
  .meta({ id: 'JourneyReport' });

export type JourneyView = z.infer<typeof JourneySchema>;
export type JourneyReport = z.infer<typeof JourneyReportSchema>;
