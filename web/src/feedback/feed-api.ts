// The API calls of feedback shared internally (src/feedback/digest-routes.ts): the feed of every kind of feedback,
// newest first, and the signed-in person's own digest by email.
import { client, dataOf, present } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';

export type FeedPage = components['schemas']['FeedbackFeed'];
export type FeedItem = FeedPage['items'][number];
/** null: no digest. */
export type DigestFrequency = components['schemas']['DigestSubscription']['frequency'];

export const FEED_PAGE_SIZE = 30;

export const feedApi = {
  /** The page before `before` (an item's time; null for the newest), newest first. */
  feed: (before: string | null, signal?: AbortSignal) =>
    dataOf(client.GET('/api/feedback/feed', { params: { query: present({ before, limit: FEED_PAGE_SIZE }) }, signal })),
  digest: (signal?: AbortSignal) => dataOf(client.GET('/api/feedback/digest', { signal })),
  setDigest: (frequency: DigestFrequency) => dataOf(client.PUT('/api/feedback/digest', { body: { frequency } })),
};
