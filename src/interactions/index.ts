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
  type Interaction,
} from './model.ts';
export {
  deleteInteractionsOf,
  sourceKeysOf,
  findBySourceId,
  insertInteraction,
  listObservedEvents,
  listTimeline,
  listWholeTimeline,
  moveInteractions,
  moveInteractionsOfProfiles,
  toInteraction,
} from './store.ts';
export { lastSeenByHer, latestOwnContacts, type OwnContact } from './own-activity-store.ts';
export { InteractionSchema } from './responses.ts';
