// What the trends route answers: both periods, the chart's buckets and series, and the keys as movers with their
// example messages. The view types are z.infer of these schemas.
import { z } from 'zod';
import { CHANNELS, SENTIMENTS } from '../interactions/index.ts';
import { TREND_DIMENSIONS, TREND_INTERVALS } from './model.ts';

const instant = (description: string) => z.string().meta({ description: `${description}; ISO 8601 in the time zone` });
const key = z
  .string()
  .nullable()
  .meta({ description: 'The reason (null: no reason found in the text) or the sentiment' });

export const TrendExampleSchema = z
  .strictObject({
    interactionId: z.string(),
    customerId: z.string(),
    caseId: z.string().nullable().meta({ description: 'The case the message is part of, if any' }),
    channel: z.enum(CHANNELS),
    occurredAt: z.string().meta({ description: 'ISO 8601' }),
    text: z.string().meta({ description: 'The message, cut to about 280 characters (… when cut)' }),
    sentiment: z.enum(SENTIMENTS),
    sentimentScore: z.number().meta({ description: '−1 (very negative) … +1 (very positive)' }),
    urgent: z.boolean(),
    reason: z.string().nullable(),
    reasonConfidence: z
      .number()
      .nullable()
      .meta({ description: "A trained model's confidence; null when the reason came from keywords" }),
  })
  .meta({ id: 'TrendExample' });

export const TrendKeySchema = z
  .strictObject({
    key,
    count: z.number().int().meta({ description: 'In the period asked for' }),
    previousCount: z.number().int().meta({ description: 'In the period of the same length just before' }),
    change: z.number().int().meta({ description: 'count − previousCount' }),
    changePercent: z
      .number()
      .nullable()
      .meta({ description: 'The change in percent of previousCount, one decimal; null when previousCount is 0' }),
    share: z.number().meta({ description: 'Of everything counted in the period, 0…1' }),
    previousShare: z.number().meta({ description: 'Of everything counted in the previous period, 0…1' }),
    byChannel: z
      .array(z.strictObject({ channel: z.enum(CHANNELS), count: z.number().int() }))
      .meta({ description: 'The period’s count per channel, largest first' }),
    examples: z
      .array(TrendExampleSchema)
      .meta({ description: 'Up to 3 messages of the period, the most telling first' }),
  })
  .meta({ id: 'TrendKey' });

export const TrendsSchema = z
  .strictObject({
    by: z.enum(TREND_DIMENSIONS),
    interval: z.enum(TREND_INTERVALS),
    timeZone: z.string(),
    channel: z.enum(CHANNELS).nullable().meta({ description: 'The channel counted; null: every channel' }),
    from: instant('Start of the period'),
    to: instant('End of the period, exclusive'),
    previousFrom: instant('Start of the previous period (the same length, just before)'),
    previousTo: instant('End of the previous period, exclusive: the period’s start'),
    total: z.number().int().meta({ description: 'Customer texts read in the period' }),
    previousTotal: z.number().int(),
    buckets: z
      .array(z.strictObject({ start: instant('Start'), end: instant('End, exclusive'), count: z.number().int() }))
      .meta({ description: 'Every day or week of the period, in order, the first and last cut to the period' }),
    series: z
      .array(
        z.strictObject({
          start: instant('Start of the bucket'),
          channel: z.enum(CHANNELS),
          key,
          count: z.number().int(),
        }),
      )
      .meta({ description: 'Counts per bucket, channel and key; only those above 0' }),
    keys: z.array(TrendKeySchema).meta({
      description:
        'Every key of either period, the biggest movers first: by the size of the change, then the larger count',
    }),
  })
  .meta({ id: 'Trends' });

export type Trends = z.infer<typeof TrendsSchema>;
export type TrendExample = z.infer<typeof TrendExampleSchema>;
