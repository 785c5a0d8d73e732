// A deterministic social feed in the "Customer Support on Twitter" layout, for the case-replay bench:
// customers who post once, post twice in a row, talk with the brand in a thread, or come back days
// later about the same matter, over 30 days.
import { writeFileSync } from 'node:fs';
import { Random } from './random.ts';
import {
  BRAND_HANDLE,
  brandAnswerText,
  complaintText,
  followUpText,
  pickReason,
  type GeneratedReason,
} from './social-vocabulary.ts';

export interface FeedShape {
  posts: number;
  customers: number;
  seed: number;
}

/** One row of the feed file, as the Kaggle corpus has it (the parser reads created_at in this form too). */
export interface FeedRecord {
  tweet_id: string;
  author_id: string;
  inbound: boolean;
  created_at: string;
  text: string;
  response_tweet_id: string;
  in_response_to_tweet_id: string;
}

/** What the generator meant, to read the engine's counts against. */
export interface FeedMix {
  conversations: number;
  singlePosts: number;
  twoPostsInARow: number;
  threads: number;
  comebacks: number;
  brandPosts: number;
}

// Shares of a conversation's shape; comebacks are drawn on top of them.
const SINGLE_POST = 0.6;
const TWO_POSTS_IN_A_ROW = 0.1;
const CUSTOMER_ANSWERS_BRAND = 0.7;
const BRAND_ANSWERS_AGAIN = 0.5;
const CUSTOMER_ANSWERS_AGAIN = 0.3;
// Past the engine's 72-hour thread window (counted from the last post of a thread, at most ~16 h after
// its first) and inside its 7-day repeat window (src/cases/settings.ts).
const COMEBACK = 0.2;
const COMEBACK_AFTER_DAYS = { min: 4, max: 6.5 };
const SPAN_DAYS = 30;
const START = Date.parse('2024-03-01T00:00:00Z');
const FIRST_TWEET_ID = 1_000_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

interface DraftPost {
  key: number;
  authorId: string;
  inbound: boolean;
  at: number;
  text: string;
  answers: number | null;
}

class FeedDraft {
  readonly posts: DraftPost[] = [];
  readonly mix: FeedMix = {
    conversations: 0,
    singlePosts: 0,
    twoPostsInARow: 0,
    threads: 0,
    comebacks: 0,
    brandPosts: 0,
  };
  constructor(private readonly random: Random) {}

  private add(authorId: string, at: number, text: string, answers: DraftPost | null): DraftPost {
    const post = {
      key: this.posts.length,
      authorId,
      inbound: authorId !== BRAND_HANDLE,
      at: Math.round(at),
      text,
      answers: answers?.key ?? null,
    };
    this.posts.push(post);
    if (!post.inbound) this.mix.brandPosts++;
    return post;
  }

  private minutes(min: number, max: number): number {
    return (min + this.random.next() * (max - min)) * MINUTE_MS;
  }

  /** One matter raised by one customer, and everything said about it in the thread. */
  conversation(customer: string, reason: GeneratedReason, at: number, comingBack: boolean): void {
    const { random } = this;
    this.mix.conversations++;
    const first = this.add(customer, at, complaintText(random, reason, comingBack), null);
    const shape = random.next();
    if (shape < SINGLE_POST) {
      this.mix.singlePosts++;
    } else if (shape < SINGLE_POST + TWO_POSTS_IN_A_ROW) {
      this.mix.twoPostsInARow++;
      this.add(customer, first.at + this.minutes(5, 90), complaintText(random, reason, true), null);
    } else {
      this.mix.threads++;
      let answer = this.add(BRAND_HANDLE, first.at + this.minutes(10, 360), brandAnswerText(random, customer), first);
      for (const [customerChance, brandChance] of [
        [CUSTOMER_ANSWERS_BRAND, BRAND_ANSWERS_AGAIN],
        [CUSTOMER_ANSWERS_AGAIN, 0],
      ] as const) {
        if (!random.chance(customerChance)) break;
        const reply = this.add(customer, answer.at + this.minutes(5, 180), followUpText(random), answer);
        if (!random.chance(brandChance)) break;
        answer = this.add(BRAND_HANDLE, reply.at + this.minutes(10, 240), brandAnswerText(random, customer), reply);
      }
    }
    if (!comingBack && random.chance(COMEBACK)) {
      this.mix.comebacks++;
      const days = COMEBACK_AFTER_DAYS.min + random.next() * (COMEBACK_AFTER_DAYS.max - COMEBACK_AFTER_DAYS.min);
      this.conversation(customer, reason, at + days * DAY_MS, true);
    }
  }
}

/** Twitter's created_at: "Tue Oct 31 22:10:47 +0000 2017". */
function twitterTime(ms: number): string {
  const [weekday, day, month, year, time] = new Date(ms).toUTCString().replace(',', '').split(' ');
  return `${weekday} ${month} ${day} ${time} +0000 ${year}`;
}

/**
 * Exactly `shape.posts` posts in time order; tweet ids grow with time, as Twitter's do, and a reply
 * always comes after what it answers. Conversations start at uniform times over 30 days.
 */
export function generateSocialFeed(shape: FeedShape): { records: FeedRecord[]; mix: FeedMix } {
  const random = new Random(shape.seed);
  const draft = new FeedDraft(random);
  while (draft.posts.length < shape.posts) {
    const customer = `cust${1 + random.int(shape.customers)}`;
    draft.conversation(customer, pickReason(random), START + random.next() * SPAN_DAYS * DAY_MS, false);
  }
  // Only the tail of the last conversation is cut, so every reply kept still has what it answers.
  const kept = draft.posts.slice(0, shape.posts).sort((a, b) => a.at - b.at || a.key - b.key);
  const tweetIdOf = new Map(kept.map((post, rank) => [post.key, String(FIRST_TWEET_ID + rank)]));
  const repliesTo = new Map<number, string[]>();
  for (const post of kept)
    if (post.answers !== null)
      repliesTo.set(post.answers, [...(repliesTo.get(post.answers) ?? []), tweetIdOf.get(post.key)!]);
  const records = kept.map((post) => ({
    tweet_id: tweetIdOf.get(post.key)!,
    author_id: post.authorId,
    inbound: post.inbound,
    created_at: twitterTime(post.at),
    text: post.text,
    response_tweet_id: (repliesTo.get(post.key) ?? []).join(','),
    in_response_to_tweet_id: post.answers === null ? '' : tweetIdOf.get(post.answers)!,
  }));
  return { records, mix: draft.mix };
}

/** JSON Lines, which `loadFeed` reads by the extension, as `rapport replay` would. */
export function writeFeedFile(file: string, records: readonly FeedRecord[]): void {
  writeFileSync(file, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
}
