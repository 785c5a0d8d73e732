// The recorded social feed: posts in the "Customer Support on Twitter" layout (tweet_id, author_id,
// inbound, created_at, text, response_tweet_id, in_response_to_tweet_id), from CSV or JSON Lines.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { z } from 'zod';
import type { InboundMessage } from '../model.ts';
import { parseLooseDate } from '../../shared/dates.ts';
import { findTextProblem } from '../../shared/text.ts';

export interface FeedPost {
  postId: string;
  authorId: string;
  inbound: boolean;
  createdAt: number;
  text: string;
  inResponseTo: string | null;
  /** A direct (private) message rather than a public mention: answered privately too. */
  direct: boolean;
}

export interface FeedRow {
  line: number;
  post?: FeedPost;
  error?: string;
}

const LAST_DATE_MS = Date.UTC(3000, 0, 1);

const idText = z.union([z.string(), z.number()]).transform((value) => String(value).trim().replace(/\.0$/, ''));
const optionalId = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => {
    const text = value === null || value === undefined ? '' : String(value).trim().replace(/\.0$/, '');
    return text === '' || text.toLowerCase() === 'nan' ? null : text;
  });

/** True/False as the Kaggle export writes it, 1/0, or a JSON boolean. */
const flag = z.union([z.boolean(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'boolean') return value;
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  ctx.addIssue({ code: 'custom', message: 'True or False' });
  return z.NEVER;
});

const postSchema = z.object({
  tweet_id: idText.refine((id) => /^[\w-]{1,64}$/.test(id), 'an id of letters, digits, - or _'),
  author_id: idText.refine((id) => /^[\w.-]{1,64}$/.test(id), 'an author id of letters, digits, ., - or _'),
  inbound: flag,
  created_at: z.union([z.string(), z.number()]).transform((value, ctx) => {
    // Twitter's layout names its zone (+0000); a date without one is taken as UTC, not as the server's zone.
    const ms = typeof value === 'number' ? value : parseLooseDate(value, 'UTC');
    // Within the years a feed can hold: a number far out of range would make no date at all downstream.
    if (ms === null || !Number.isFinite(ms) || ms < 0 || ms >= LAST_DATE_MS) {
      ctx.addIssue({
        code: 'custom',
        message: 'a date between 1970 and 2999, such as "Tue Oct 31 22:10:47 +0000 2017" or ISO 8601',
      });
      return z.NEVER;
    }
    return ms;
  }),
  text: z.string().min(1, 'must not be empty').max(10_000),
  in_response_to_tweet_id: optionalId,
  // Our extension of the layout: a private message to the brand; absent or empty means a public post.
  direct_message: z
    .union([flag, z.literal(''), z.null()])
    .optional()
    .transform((value) => value === true),
});

export function parseFeedRecord(record: Record<string, unknown>): FeedPost | string {
  // The text rule of every edge (src/shared/text.ts): a replayed file does not pass the HTTP parser.
  const textProblem = findTextProblem(record);
  if (textProblem) return `${textProblem.field}: ${textProblem.reason}`;
  const parsed = postSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${issue.path.join('.') || 'row'}: ${issue.message}`;
  }
  const row = parsed.data;
  return {
    postId: row.tweet_id,
    authorId: row.author_id,
    inbound: row.inbound,
    createdAt: row.created_at,
    text: row.text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    inResponseTo: row.in_response_to_tweet_id,
    direct: row.direct_message,
  };
}

/** Streams a feed file, CSV or JSON Lines by its extension, one row at a time with its line number. */
export async function* readFeed(file: string): AsyncGenerator<FeedRow> {
  if (/\.(jsonl|ndjson)$/i.test(file)) {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
      line++;
      if (!text.trim()) continue;
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch {
        yield { line, error: 'not valid JSON' };
        continue;
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        yield { line, error: 'not a JSON object' };
        continue;
      }
      const post = parseFeedRecord(record as Record<string, unknown>);
      yield typeof post === 'string' ? { line, error: post } : { line, post };
    }
    return;
  }
  const parser = parseCsv({ columns: true, bom: true, relax_column_count: true, info: true });
  // pipeline, not pipe: a read error (a folder, no permission) rejects here instead of crashing the process.
  const reading = pipeline(createReadStream(file), parser);
  reading.catch(() => undefined);
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, unknown>;
    info: { lines: number };
  }>) {
    const post = parseFeedRecord(record);
    yield typeof post === 'string' ? { line: info.lines, error: post } : { line: info.lines, post };
  }
  await reading;
}

/** A customer's post as a message for the case engine; the author is a handle on the network. */
export function postToMessage(post: FeedPost, network: string): InboundMessage {
  return {
    channel: 'social',
    source: `social:${network}`,
    externalId: post.postId,
    threadRefs: post.inResponseTo ? [post.inResponseTo] : [],
    from: { identities: [{ kind: `handle:${network}`, value: post.authorId.toLowerCase() }] },
    text: post.text,
    occurredAt: post.createdAt,
    properties: {
      postId: post.postId,
      ...(post.inResponseTo ? { inResponseTo: post.inResponseTo } : {}),
      ...(post.direct ? { direct: true } : {}),
    },
  };
}
