// The front door of the pipeline: how an event from any source joins Rapport (identity, timeline, profile,
// preferences, flags), in one transaction per batch. Cases and channels build on it; ingest feeds it.

/**
 * Stores a batch of events: each one resolved to a customer, put on the timeline, its traits and observed
 * behaviour applied, rule flags re-decided.
 * @example const report = await ingestEvents(db, [event], { onEventError: 'reject-event' });
 */
export { ingestEvents, type IngestOptions, type IngestReport, type IngestResult, reportOf } from './service.ts';
export { pipelineErrors } from './errors.ts';
export { IngestReportSchema, ProjectionRejectionSchema } from './responses.ts';

/**
 * Applies the event log to the database in order, exactly once, in batches sized to the backlog.
 * @example const projector = new Projector(db, log); await projector.start(); await projector.waitFor(position, 2000);
 */
export {
  backlogSecondsOf,
  collectOutcomes,
  type EdgeProjection,
  type EventDecoder,
  type ProjectedOutcome,
  type ProjectionControl,
  type RecordProjection,
  PROJECTOR,
  type ProjectionStatus,
  Projector,
  type ProjectorOptions,
  type ProjectorState,
  recallOutcome,
} from './projector.ts';
export { KeptOutcomes, PositionWaiters } from './waiting.ts';
export { latestRejections, type Rejection } from './projection-store.ts';
