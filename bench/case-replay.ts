// Case-engine throughput: a social feed replayed into cases through the code `rapport replay FILE
// --channel social` runs (loadFeed, then replayPosts at full speed), against a bare insert of the same
// posts into one indexed table, one transaction per post on both sides, as the engine commits them.
// The feed is replayed as live (historical: false) whatever its dates: the live case path is what is timed.
import { accessSync, constants, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { loadFeed, replayPosts, type ReplayReport } from '../src/channels/social/replay.ts';
import type { FeedPost } from '../src/channels/social/feed.ts';
import { CLI_ACTOR } from '../src/shared/actor.ts';
import type { Db } from '../src/store/db.ts';
import type { BenchCase, BenchEnvironment } from './bench-case.ts';
import { createBareTable, type BareRow } from './bare-insert.ts';
import type { BenchOptions } from './options.ts';
import { emitResult, formatCount, say } from './output.ts';
import { isListening } from '../src/pipeline/service.ts';
import { generateSocialFeed, writeFeedFile, type FeedMix } from './social-feed.ts';
import { SqlProfile } from './sql-profile.ts';
import { Stopwatch, perSecond, roundTo } from './stats.ts';

// Chunks alternate between the bare insert and the replay, so both see the same machine state.
const CHUNK_POSTS = 1_000;
const PROGRESS_EVERY_POSTS = 5_000;
const REJECTED_ROWS_SHOWN = 5;
// The CLI's default network; the generated authors and the Spotify file are Twitter handles.
const NETWORK = 'x';

interface FeedToReplay {
  /** "generated", or the file's base name. */
  label: string;
  posts: FeedPost[];
  rejected: ReplayReport['rejected'];
  loadMs: number;
  mix: FeedMix | null;
}

/** Why the run cannot start (a --feed that is not a readable file), checked before any case runs; null when it can. */
export function unusableFeedMessage(options: BenchOptions): string | null {
  if (options.feed === null) return null;
  const problem = unreadableBecause(options.feed);
  if (problem === null) return null;
  return (
    `No feed to replay: ${options.feed} ${problem}, so nothing was run. Give --feed a CSV or JSON Lines file in the ` +
    `"Customer Support on Twitter" layout, or leave --feed out to replay a generated feed.`
  );
}

// Checked here because the feed reader's stream would end the process on a read error (a directory, no permission).
function unreadableBecause(file: string): string | null {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) return 'does not exist';
  if (!stats.isFile()) return 'is not a file';
  try {
    accessSync(file, constants.R_OK);
    return null;
  } catch {
    return 'cannot be read';
  }
}

/** The generated feed goes through a file and `loadFeed` too, so both kinds of feed take the CLI's path. */
async function feedToReplay(env: BenchEnvironment): Promise<FeedToReplay> {
  const { feed, posts, seed } = env.options;
  let file = feed;
  let mix: FeedMix | null = null;
  if (file === null) {
    const customers = Math.max(1, Math.floor(posts / 5));
    const generated = generateSocialFeed({ posts, customers, seed });
    file = join(env.workspace.root, 'generated-feed.jsonl');
    writeFeedFile(file, generated.records);
    mix = generated.mix;
    say(`Case replay: generated ${formatCount(posts)} posts from ${formatCount(customers)} customers over 30 days`);
    say(
      `  ${formatCount(mix.conversations)} conversations: ${formatCount(mix.singlePosts)} single posts, ${formatCount(mix.twoPostsInARow)} two posts in a row, ` +
        `${formatCount(mix.threads)} threads with the brand (${formatCount(mix.brandPosts)} brand posts); ${formatCount(mix.comebacks)} comebacks 4–6.5 days later`,
    );
  }
  const start = performance.now();
  const loaded = await loadFeed(file);
  return { label: feed === null ? 'generated' : basename(feed), ...loaded, loadMs: performance.now() - start, mix };
}

/** Rows for the baseline, made before timing: the author is the key, the post id the message id. */
function bareRowOfPost(post: FeedPost): BareRow {
  return {
    customerKey: post.authorId,
    type: post.inbound ? 'inbound' : 'brand_reply',
    event: null,
    text: post.text,
    properties: JSON.stringify({ inResponseTo: post.inResponseTo }),
    occurredAt: post.createdAt,
    messageId: post.postId,
  };
}

function addInto(total: ReplayReport, chunk: ReplayReport): void {
  total.posts += chunk.posts;
  total.rejected.push(...chunk.rejected);
  total.casesOpened += chunk.casesOpened;
  total.threadsJoined += chunk.threadsJoined;
  total.reopened += chunk.reopened;
  total.duplicates += chunk.duplicates;
  total.repeatContacts += chunk.repeatContacts;
  total.brandReplies += chunk.brandReplies;
  total.unthreadedReplies += chunk.unthreadedReplies;
}

interface CaseCounts {
  cases: number;
  customers: number;
  repeats: number;
  reopens: number;
  /** Inbound messages after a case's first: joins and reopens together. */
  laterContacts: number;
  brandReplies: number;
}

async function countCases(db: Db): Promise<CaseCounts> {
  const cases = (await db.get<Omit<CaseCounts, 'brandReplies'>>(
    `SELECT COUNT(*) AS cases, COUNT(DISTINCT customer_id) AS customers, COALESCE(SUM(repeat_of IS NOT NULL), 0) AS repeats,
            COALESCE(SUM(reopen_count), 0) AS reopens, COALESCE(SUM(contact_count - 1), 0) AS laterContacts
     FROM cases`,
  ))!;
  const replies = (await db.get<{ count: number }>(
    `SELECT COUNT(*) AS count FROM case_messages WHERE kind = 'reply'`,
  ))!;
  return { ...cases, brandReplies: replies.count };
}

/** Where the report and the rows disagree (a bug in the engine's counting or in this bench), in words. */
function disagreements(report: ReplayReport, counts: CaseCounts): string[] {
  const pairs: Array<[string, number, number]> = [
    ['cases opened', report.casesOpened, counts.cases],
    ['repeat contacts', report.repeatContacts, counts.repeats],
    ['reopened', report.reopened, counts.reopens],
    ['joined + reopened', report.threadsJoined + report.reopened, counts.laterContacts],
    ['brand replies', report.brandReplies, counts.brandReplies],
  ];
  return pairs
    .filter(([, reported, stored]) => reported !== stored)
    .map(([what, reported, stored]) => `${what}: report ${reported}, database ${stored}`);
}

export const caseReplayBench: BenchCase = {
  name: 'case-replay',
  async run(env) {
    let feed: FeedToReplay;
    try {
      feed = await feedToReplay(env);
    } catch (error) {
      // A file the CSV parser gives up on as a whole (not a bad row, which is only counted) ends the case, not the run;
      // a generated feed that fails is a bug in the bench and stops it.
      if (env.options.feed === null) throw error;
      say(`Case replay: could not read ${env.options.feed}: ${(error as Error).message}. Nothing was replayed.`);
      process.exitCode = 1;
      return;
    }
    const { posts, rejected } = feed;
    say(
      `Case replay: ${formatCount(posts.length)} posts of ${feed.mix ? 'the generated feed' : feed.label} (${formatCount(rejected.length)} rows rejected by the parser, ` +
        `read in ${roundTo(feed.loadMs / 1000, 2)} s), one transaction per post, at full speed`,
    );
    if (posts.length === 0) {
      say('Case replay: the feed holds no post the parser accepts, so there is nothing to time.');
      return;
    }
    const { db: database } = await env.workspace.openDatabase('case-replay');
    const sqlProfile = env.options.profileSql ? new SqlProfile() : null;
    const db = sqlProfile ? sqlProfile.wrap(database) : database;
    const bare = await env.workspace.openDatabase('case-replay-bare');
    const insertBareRows = createBareTable(bare.db.rawConnection());
    const replayClock = new Stopwatch();
    const bareClock = new Stopwatch();
    const total: ReplayReport = {
      posts: 0,
      rejected: [],
      casesOpened: 0,
      threadsJoined: 0,
      reopened: 0,
      duplicates: 0,
      repeatContacts: 0,
      brandReplies: 0,
      unthreadedReplies: 0,
    };

    for (let start = 0; start < posts.length; start += CHUNK_POSTS) {
      const chunk = posts.slice(start, start + CHUNK_POSTS);
      const bareRows = chunk.map(bareRowOfPost);
      await bareClock.time(async () => {
        for (const row of bareRows) insertBareRows([row]);
      });
      addInto(
        total,
        await replayClock.time(() =>
          replayPosts(db, chunk, { network: NETWORK, speed: 0, historical: false }, CLI_ACTOR),
        ),
      );
      const done = start + chunk.length;
      if (done % PROGRESS_EVERY_POSTS === 0 || done === posts.length) {
        say(
          `  ${formatCount(done)} / ${formatCount(posts.length)} posts: replay ${formatCount(perSecond(done, replayClock.elapsedMs))}/s, ` +
            `bare insert ${formatCount(perSecond(done, bareClock.elapsedMs))}/s`,
        );
      }
      // SQLite answers synchronously, so without a turn of the event loop Ctrl-C would wait for the whole replay.
      await nextTurn();
    }

    const postsPerSecond = perSecond(posts.length, replayClock.elapsedMs);
    const bareInsertPerSecond = perSecond(posts.length, bareClock.elapsedMs);
    const ratio = roundTo(postsPerSecond / bareInsertPerSecond, 4);
    const rejectedRows = rejected.length + total.rejected.length;
    const counts = await countCases(database);
    const mismatches = disagreements(total, counts);
    say(
      `Case replay: ${formatCount(postsPerSecond)} posts/s through the case engine, ${formatCount(bareInsertPerSecond)} rows/s bare: ratio ${ratio}`,
    );
    say(
      `  ${formatCount(total.casesOpened)} cases opened for ${formatCount(counts.customers)} customers, ${formatCount(total.threadsJoined)} posts joined a thread, ` +
        `${formatCount(total.reopened)} reopened, ${formatCount(total.repeatContacts)} repeat contacts; ${formatCount(total.brandReplies)} brand replies ` +
        `(${formatCount(total.unthreadedReplies)} unthreaded), ${formatCount(total.duplicates)} duplicates`,
    );
    say(
      mismatches.length
        ? `  the database disagrees with the report: ${mismatches.join('; ')}`
        : '  the counts in the database agree with the report',
    );
    if (rejectedRows > 0) {
      say(
        `  ${formatCount(rejectedRows)} rows rejected (${formatCount(rejected.length)} by the parser, ${formatCount(total.rejected.length)} by the engine), first ones:`,
      );
      for (const problem of [...rejected, ...total.rejected].slice(0, REJECTED_ROWS_SHOWN))
        say(`    line ${problem.line}: ${problem.reason}`);
    }
    sqlProfile?.print(posts.length, 'post');
    emitResult({
      bench: 'case-replay',
      listening: isListening(),
      feed: feed.label,
      posts: posts.length,
      rejectedRows,
      seconds: roundTo(replayClock.elapsedMs / 1000, 2),
      postsPerSecond,
      casesOpened: total.casesOpened,
      threadsJoined: total.threadsJoined,
      repeatContacts: total.repeatContacts,
      reopened: total.reopened,
      bareInsertPerSecond,
      ratio,
      brandReplies: total.brandReplies,
      unthreadedReplies: total.unthreadedReplies,
      duplicates: total.duplicates,
      customers: counts.customers,
      loadSeconds: roundTo(feed.loadMs / 1000, 2),
      countsMatchDatabase: mismatches.length === 0,
    });
  },
};
