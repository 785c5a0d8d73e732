// What the retention routes answer: the churn report (rate against the period before, reasons with customers' own
// words, experiences compared), newcomers per acquisition source, the cohort table, and the churn settings. The
// view types are z.infer of these schemas.
import { z } from 'zod';
import { churnSettingsSchema, EXPERIENCES, REASON_SOURCES } from './model.ts';

const instant = (description: string) => z.string().meta({ description: `${description}; ISO 8601, UTC` });
const rate = (description: string) =>
  z
    .number()
    .nullable()
    .meta({ description: `${description}, 0…1; null when there was nobody to count` });

export const ChurnSettingsSchema = churnSettingsSchema.meta({ id: 'ChurnSettings' });
export type ChurnSettingsView = z.infer<typeof ChurnSettingsSchema>;

export const ChurnQuoteSchema = z
  .strictObject({
    customerId: z.string(),
    customerName: z.string().nullable(),
    text: z.string().meta({ description: 'Her words, cut to about 280 characters' }),
    at: instant('When she gave them'),
  })
  .meta({ id: 'ChurnQuote' });

export const ChurnReasonSchema = z
  .strictObject({
    source: z.enum(REASON_SOURCES).meta({
      description:
        "event: the churn event's reason property; survey: a choice in the cancellation survey; last_contact: the contact reason of her last case before leaving",
    }),
    reason: z.string().nullable().meta({ description: 'null: words without a reason (none given, none chosen)' }),
    count: z.number().int().meta({ description: 'Customers who churned in the period and gave it' }),
    share: z.number().meta({ description: 'count / customers who churned in the period, 0…1' }),
    quotes: z.array(ChurnQuoteSchema).meta({ description: 'Up to 3, newest first, one per customer' }),
  })
  .meta({ id: 'ChurnReason' });

export const ChurnExperienceSchema = z
  .strictObject({
    experience: z.enum(EXPERIENCES),
    customers: z.number().int().meta({ description: 'Customers of the population who had it in their window' }),
    churnedWith: z.number().int().meta({ description: 'Of them, those who churned in the period' }),
    withRate: rate('churnedWith / customers'),
    customersWithout: z.number().int(),
    churnedWithout: z.number().int(),
    withoutRate: rate('churnedWithout / customersWithout'),
    lift: z
      .number()
      .nullable()
      .meta({ description: 'withRate − withoutRate; the list is ordered by it, largest first' }),
    ratio: z.number().nullable().meta({ description: 'withRate / withoutRate; null when withoutRate is 0 or null' }),
  })
  .meta({ id: 'ChurnExperience' });

export const ChurnReportSchema = z
  .strictObject({
    from: instant('Start of the period'),
    to: instant('End of the period, exclusive'),
    previousFrom: instant('Start of the period of the same length just before'),
    previousTo: instant('End of the previous period, exclusive: the period’s start'),
    settings: ChurnSettingsSchema,
    population: z.number().int().meta({
      description:
        'Customers active at some moment of the period: first seen before its end, not churned before its start (or back since)',
    }),
    churned: z.number().int().meta({ description: 'Of them, those whose churn moment is in the period' }),
    churnRate: rate('churned / population'),
    churnedByEvent: z.number().int(),
    churnedByInactivity: z.number().int(),
    previous: z.strictObject({ population: z.number().int(), churned: z.number().int(), churnRate: rate('The same') }),
    reasons: z.array(ChurnReasonSchema).meta({ description: 'The most given first' }),
    experiences: z.array(ChurnExperienceSchema).meta({
      description:
        'Each experience in the lookback days before a customer left (for the others: before the period’s end or now), with the churn of those who had it against those who did not, the largest lift first',
    }),
  })
  .meta({ id: 'ChurnReport' });
export type ChurnReport = z.infer<typeof ChurnReportSchema>;

export const AcquisitionSourceSchema = z
  .strictObject({
    source: z.string().meta({ description: "The first touch's acquisition source; unknown when none was named" }),
    customers: z.number().int().meta({ description: 'First seen in the period' }),
    churned: z.number().int().meta({ description: 'Of them, those who churned since (at least once)' }),
    retained: z.number().int().meta({ description: 'Of them, those active now (never churned, or back)' }),
    retainedShare: z.number().meta({ description: 'retained / customers, 0…1' }),
  })
  .meta({ id: 'AcquisitionSource' });

export const AcquisitionReportSchema = z
  .strictObject({
    from: instant('Start of the period'),
    to: instant('End of the period, exclusive'),
    customers: z.number().int(),
    churned: z.number().int(),
    retained: z.number().int(),
    retainedShare: rate('retained / customers'),
    sources: z.array(AcquisitionSourceSchema).meta({ description: 'The most customers first' }),
  })
  .meta({ id: 'AcquisitionReport' });
export type AcquisitionReport = z.infer<typeof AcquisitionReportSchema>;

export const CohortSchema = z
  .strictObject({
    month: z.string().meta({ description: 'The first-seen month (UTC), 2026-01' }),
    customers: z.number().int(),
    months: z
      .array(
        z.strictObject({
          offset: z.number().int().meta({ description: 'Months after the first-seen month' }),
          month: z.string(),
          active: z.number().int().meta({ description: 'Customers of the cohort with activity of their own in it' }),
          share: z.number().meta({ description: 'active / customers, 0…1; month 0 is the whole cohort' }),
        }),
      )
      .meta({ description: 'From month 0 to the current month' }),
  })
  .meta({ id: 'Cohort' });

export const RetentionReportSchema = z
  .strictObject({
    from: instant('First day of the first cohort'),
    to: instant('First day after the last cohort'),
    cohorts: z.array(CohortSchema).meta({ description: 'Oldest first' }),
  })
  .meta({ id: 'RetentionReport' });
export type RetentionReport = z.infer<typeof RetentionReportSchema>;
