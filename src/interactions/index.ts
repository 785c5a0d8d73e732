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
  findBySourceId,
  insertInteraction,
  listObservedEvents,
  moveInteractions,
  moveInteractionsOfProfiles,
} from './store.ts';
