// Replays a recorded social feed as if it were live: customers' posts open and join cases, the
// brand's own replies in the feed land on the cases they answer.
import type { z } from 'zod';
import type { Db } from '../../store/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { receiveMessage } from '../../cases/index.ts';
import { recordChannelReply } from '../../cases/index.ts';
import { DomainError } from '../../shared/errors.ts';
import type { SocialReplayReportSchema } from '../responses.ts';
import { postToMessage, readFeed, type FeedPost } from './feed.ts';

export interface ReplayOptions {
  network: string;
  /** 0 replays at once with the recorded times; N > 0 waits between posts, N times faster than recorded, and stamps them now. */
  speed: number;
  /**
   * true: the feed is history, its posts open their cases closed. false: treat it as live whatever its
   * age (a benchmark of the live path). Unset: posts over 30 days old are history (cases/history.ts).
   */
  historical?: boolean;
  onProgress?(done: number, total: number): void;
}

export type ReplayReport = z.infer<typeof SocialReplayReportSchema>;

/** Reads the whole feed and orders it by time: a reply must come after what it answers. */
export async function loadFeed(file: string): Promise<{ posts: FeedPost[]; rejected: ReplayReport['rejected'] }> {
  const posts: FeedPost[] = [];
  const rejected: ReplayReport['rejected'] = [];
  for await (const row of readFeed(file)) {
    if (row.post) posts.push(row.post);
    else rejected.push({ line: row.line, reason: row.error! });
  }
  posts.sort((a, b) => a.createdAt - b.createdAt || a.postId.localeCompare(b.postId));
  return { posts, rejected };
}

export async function replayPosts(
  db: Db,
  posts: readonly FeedPost[],
  options: ReplayOptions,
  actor: Actor,
): Promise<ReplayReport> {
  const report: ReplayReport = {
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
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  for (const [index, recorded] of posts.entries()) {
    if (options.speed > 0 && index > 0)
      await wait(Math.min(60_000, (recorded.createdAt - posts[index - 1]!.createdAt) / options.speed));
    const post = options.speed > 0 ? { ...recorded, createdAt: Date.now() } : recorded;
    try {
      if (post.inbound) {
        const message = postToMessage(post, options.network);
        const received = await receiveMessage(
          db,
          options.historical === undefined ? message : { ...message, historical: options.historical },
          actor,
        );
        if (received.outcome === 'opened') report.casesOpened++;
        if (received.outcome === 'joined') report.threadsJoined++;
        if (received.outcome === 'reopened') report.reopened++;
        if (received.outcome === 'duplicate') report.duplicates++;
        if (received.outcome === 'opened' && received.repeatOf) report.repeatContacts++;
      } else {
        const recordedReply = await recordChannelReply(
          db,
          {
            channel: 'social',
            source: `social:${options.network}`,
            externalId: post.postId,
            inResponseTo: post.inResponseTo ? [post.inResponseTo] : [],
            text: post.text,
            at: post.createdAt,
            author: post.authorId,
          },
          actor,
        );
        if (recordedReply.outcome === 'recorded') report.brandReplies++;
        if (recordedReply.outcome === 'duplicate') report.duplicates++;
        if (recordedReply.outcome === 'unthreaded') report.unthreadedReplies++;
      }
      report.posts++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      report.rejected.push({ line: -1, reason: `post ${post.postId}: ${error.message}` });
    }
    options.onProgress?.(index + 1, posts.length);
  }
  return report;
}

export async function replayFeedFile(
  db: Db,
  file: string,
  options: ReplayOptions,
  actor: Actor,
): Promise<ReplayReport> {
  const { posts, rejected } = await loadFeed(file);
  const report = await replayPosts(db, posts, options, actor);
  report.rejected.unshift(...rejected);
  return report;
}
