// The front door of interactions: what other capabilities may use. Everything else in this folder is its own business.
export {
  type Channel,
  CHANNELS,
  decodeCursor,
  type Direction,
  DIRECTIONS,
  encodeCursor,
  type IncomingEvent,
  type Interaction,
} from './model.ts';
export { ingestEvents, type IngestOptions, type IngestReport, type IngestResult } from './pipeline.ts';
export { listObservedEvents, moveInteractions, moveInteractionsOfProfiles } from './store.ts';
export { InteractionSchema } from './responses.ts';
