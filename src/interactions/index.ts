// The front door of interactions: what other capabilities may use. Everything else in this folder is its own business.
export {
  type Channel,
  CHANNELS,
  decodeCursor,
  type Direction,
  DIRECTIONS,
  encodeCursor,
  type Identity,
  type IdentityKind,
  type IncomingEvent,
  type Insight,
  insightSchema,
  type Interaction,
  SENTIMENTS,
} from './model.ts';
/**
 * What listening reads in an interaction's text, stored with it by the projection.
 * @example const insight = isListenedTo(event) ? readInsight(event.text, found) : null;
 */
export { type FoundReason, isListenedTo, listenedText, readInsight } from './insight.ts';
export {
  deleteInteractionsOf,
  eventsBetween,
  sourceKeysOf,
  findBySourceId,
  type InsightColumns,
  insightOf,
  insertInteraction,
  latestInboundTimes,
  listObservedEvents,
  listTimeline,
  listWholeTimeline,
  readingOf,
  wordsOf,
  toInteraction,
} from './store.ts';
/**
 * Who owns a profile's events: `profilesOf(db, customerId)` lists a customer's profiles (her own record first),
 * the argument of every timeline read; a merge hands the absorbed profiles over, its undo hands them back.
 * @example const rows = await listTimeline(db, await profilesOf(db, customerId), 10);
 */
export { handBackProfiles, handOverProfiles, profilesOf } from './profile-owners-store.ts';
export { lastSeenByHer, latestOwnContacts, type OwnContact } from './own-activity-store.ts';
export { InteractionSchema } from './responses.ts';
