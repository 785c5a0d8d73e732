// The labelled sets the evaluation reads from ../shared/data (or $RAPPORT_SHARED_DATA), and their fixed split:
// a row is in the test part when an FNV-1a hash of its key, modulo 5, is 0 (about 20%).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export interface LabelledText {
  text: string;
  label: string;
  /** The annotators' agreement on the label (0 … 1), where the file gives it. */
  confidence?: number;
}

export interface Split {
  train: LabelledText[];
  test: LabelledText[];
  /** How rows were split, as printed. */
  rule: string;
}

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared data folder: $RAPPORT_SHARED_DATA, else ../shared/data beside the repository. */
export function sharedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.RAPPORT_SHARED_DATA ? resolve(env.RAPPORT_SHARED_DATA) : resolve(REPO, '..', 'shared', 'data');
}

export const AIRLINE_TWEETS = join('airline-sentiment', 'tweets.csv');
export const AIRLINE_INTENTS = join('airline-support-threads', 'airlines_labelled_492.csv');

/** A CSV file's rows by header name, or null when the file is not there. */
export function readRows(dir: string, file: string): Record<string, string>[] | null {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true });
}

/** 32-bit FNV-1a of a string's UTF-16 code units: small, stable across runs and machines. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Splits rows 80/20 by the hash of a key; `keyName` says in the printed rule what the key is. */
export function splitByHash<Row>(
  rows: readonly Row[],
  keyOf: (row: Row) => string,
  toExample: (row: Row) => LabelledText,
  keyName: string,
): Split {
  const train: LabelledText[] = [];
  const test: LabelledText[] = [];
  for (const row of rows) (fnv1a(keyOf(row)) % 5 === 0 ? test : train).push(toExample(row));
  return { train, test, rule: `test when fnv1a(${keyName}) % 5 == 0, else train` };
}

/**
 * The airline tweets split by the hash of their text. Not by tweet_id: the file's ids were rounded by a
 * spreadsheet (5.70306E+17), so only 2,353 of 11,798 are distinct; by text, a retweeted duplicate lands on
 * the same side as its original and cannot leak from train into test.
 */
export function splitAirlineTweets(rows: readonly Record<string, string>[], label: 'sentiment' | 'reason'): Split {
  const kept =
    label === 'sentiment'
      ? rows
      : rows.filter(
          (row) => row.airline_sentiment === 'negative' && row.negativereason && row.negativereason !== "Can't Tell",
        );
  return splitByHash(
    kept,
    (row) => row.text ?? '',
    (row) => ({
      text: row.text ?? '',
      label: (label === 'sentiment' ? row.airline_sentiment : row.negativereason) ?? '',
      confidence: Number(label === 'sentiment' ? row.airline_sentiment_confidence : row.negativereason_confidence),
    }),
    'text',
  );
}

/** The annotated support threads: intent (`tag`) of the customer's opening message, split by first_tweet_id. */
export function splitAirlineIntents(rows: readonly Record<string, string>[]): Split {
  return splitByHash(
    rows,
    (row) => row.first_tweet_id ?? '',
    (row) => ({ text: openingMessage(row.first_utterance ?? ''), label: row.tag ?? '' }),
    'first_tweet_id',
  );
}

/** The customer's words without the thread's markup (`<cust__ … __cust>`, `__company__`). */
function openingMessage(utterance: string): string {
  return utterance
    .replace(/<\/?cust__|__cust>/g, ' ')
    .replace(/__\w+__/g, ' ')
    .trim();
}
