// SQL of trends: what listening read in customers' texts (the insight columns of `interactions`, migration 0019),
// counted per bucket, channel and key for both periods in one statement, and a few example messages per key.
import type { Db, SqlValue } from '../store/db.ts';
import type { Channel, Insight } from '../interactions/index.ts';
import { type CountRow, PREVIOUS_PERIOD, type TrendDimension, type TrendPlan } from './model.ts';

/** The column a trend is counted by; from this closed set only, never from input. */
const KEY_COLUMN: Record<TrendDimension, string> = { reason: 'i.reason', sentiment: 'i.sentiment' };

/**
 * What is counted: the texts listening read (`sentiment IS NOT NULL`, the partial index's condition) that a
 * customer sent; internal notes are read too, but they are staff's words, not the customer's.
 */
const COUNTED = `i.sentiment IS NOT NULL AND i.direction = 'inbound'`;

/**
 * The most telling examples first. Sentiment: the most negative negatives and most positive positives, the most
 * neutral neutrals. Reason: the trained model's most confident calls (keywords give no confidence), then the newest.
 */
const EXAMPLE_ORDER: Record<TrendDimension, string> = {
  sentiment: `CASE i.sentiment WHEN 'negative' THEN i.sentiment_score WHEN 'positive' THEN -i.sentiment_score
              ELSE abs(i.sentiment_score) END, i.occurred_at DESC, i.id DESC`,
  reason: 'i.reason_confidence DESC, i.occurred_at DESC, i.id DESC',
};

/**
 * Counts per bucket (PREVIOUS_PERIOD for the period before), channel and key. The bucket bounds are a VALUES table
 * joined on `occurred_at`, so each bucket is one range of the partial index `interactions_listened_by_time`.
 */
// INDEXED BY, because the planner guesses wrong without it: from about a hundred buckets on (a year by day), with no
// statistics, it built an automatic index on `direction` and read every inbound row once per bucket (11.5 s for
// 400,000 rows, 0.6 s by the index). An index it cannot use is then an error, not a silent scan.
export function countsQuery(plan: TrendPlan): { sql: string; params: SqlValue[] } {
  const bounds: Array<[number, number, number]> = [
    [PREVIOUS_PERIOD, plan.previousFrom, plan.previousTo],
    ...plan.buckets.map((bucket): [number, number, number] => [bucket.index, bucket.from, bucket.to]),
  ];
  const key = KEY_COLUMN[plan.by];
  return {
    sql: `WITH bucket(position, starts, ends) AS (VALUES ${bounds.map(() => '(?, ?, ?)').join(', ')})
          SELECT bucket.position AS bucket, i.channel AS channel, ${key} AS key, COUNT(*) AS count
          FROM bucket JOIN interactions i INDEXED BY interactions_listened_by_time
            ON i.occurred_at >= bucket.starts AND i.occurred_at < bucket.ends
          WHERE ${COUNTED}${plan.channel ? ' AND i.channel = ?' : ''}
          GROUP BY bucket.position, i.channel, ${key}`,
    params: [...bounds.flat(), ...(plan.channel ? [plan.channel] : [])],
  };
}

export async function countTrends(db: Db, plan: TrendPlan): Promise<CountRow[]> {
  const query = countsQuery(plan);
  return db.all<CountRow>(query.sql, query.params);
}

/** An example message as read: its text cut to `textLength` characters, its owner now (after merges). */
export interface ExampleRow {
  id: number;
  customer_id: string;
  case_id: string | null;
  channel: Channel;
  occurred_at: number;
  text: string;
  sentiment: Insight['sentiment'];
  sentiment_score: number;
  urgent: number;
  reason: string | null;
  reason_confidence: number | null;
  key: string | null;
}

/**
 * Up to `perKey` examples per key from the current period, ranked within their key (ROW_NUMBER over the period's
 * rows, which are already in hand from the index); an erased customer's texts are never among them (erasure
 * deletes them; a row projected for an erased profile since is left out all the same).
 */
export function examplesQuery(
  plan: TrendPlan,
  perKey: number,
  textLength: number,
): { sql: string; params: SqlValue[] } {
  if (!Number.isSafeInteger(perKey) || perKey < 1) throw new RangeError(`A number of examples, not ${perKey}`);
  const key = KEY_COLUMN[plan.by];
  const owner = 'COALESCE(owner.customer_id, i.profile_id)';
  return {
    sql: `WITH ranked AS (
            SELECT i.id, ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${EXAMPLE_ORDER[plan.by]}) AS rank
            FROM interactions i INDEXED BY interactions_listened_by_time
            LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id
            WHERE i.occurred_at >= ? AND i.occurred_at < ? AND ${COUNTED} AND i.text IS NOT NULL
              ${plan.channel ? 'AND i.channel = ?' : ''}
              AND NOT EXISTS (SELECT 1 FROM customers gone WHERE gone.id = ${owner} AND gone.erased_at IS NOT NULL)
          )
          SELECT i.id, ${owner} AS customer_id, i.case_id, i.channel, i.occurred_at, substr(i.text, 1, ?) AS text,
                 i.sentiment, i.sentiment_score, i.urgent, i.reason, i.reason_confidence, ${key} AS key
          FROM ranked JOIN interactions i ON i.id = ranked.id
          LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id
          WHERE ranked.rank <= ${perKey}
          ORDER BY ${key}, ranked.rank`,
    params: [plan.from, plan.to, ...(plan.channel ? [plan.channel] : []), textLength],
  };
}

export async function trendExamples(
  db: Db,
  plan: TrendPlan,
  perKey: number,
  textLength: number,
): Promise<ExampleRow[]> {
  const query = examplesQuery(plan, perKey, textLength);
  return db.all<ExampleRow>(query.sql, query.params);
}
