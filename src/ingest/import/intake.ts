// Where an import's validated rows go. The command line appends each batch to the event log and waits for its
// projection (its own projector, or a running server's, whichever takes the batch first), so an import is ordered
// with everything else that arrives and can be rebuilt from the log; a library caller without a log applies the
// rows to the database directly, in one transaction per batch.
import type { Db } from '../../store/db.ts';
import type { IncomingEvent } from '../../interactions/index.ts';
import { eventKey, type EventLog, type Origin } from '../../eventlog/index.ts';
import { ingestEvents, type IngestResult, type ProjectionControl } from '../../pipeline/index.ts';
import { CLI_ACTOR } from '../../shared/actor.ts';
import { loggedInteractions } from '../conversations.ts';

/** Takes a batch's valid events; answers what became of each, in order. */
export type ImportIntake = (events: readonly IncomingEvent[]) => Promise<IngestResult[]>;

const IMPORT_ORIGIN: Origin = { edge: 'import', actor: CLI_ACTOR };

/** Through the event log: durable when appended, answered once projected. */
export function loggedImportIntake(log: EventLog, projector: ProjectionControl): ImportIntake {
  return async (events) => {
    if (events.length === 0) return [];
    const appended = await log.append(
      IMPORT_ORIGIN,
      events.map((event) => ({ key: eventKey(event.source, event.sourceId), body: event })),
    );
    // No time limit: the import goes at the projection's pace, which is what its progress shows.
    const outcomes = await projector.outcomesOf(appended, Number.POSITIVE_INFINITY);
    // Null only when the projector is stopped: the command stops it after the import, never during.
    if (!outcomes) throw new Error('The projection stopped before the import’s rows were projected');
    return outcomes.map((outcome) => outcome.result);
  };
}

/** Straight into the pipeline: a row that fails there is rolled back alone; inbound messages reach their cases. */
export function directImportIntake(db: Db): ImportIntake {
  return async (events) => {
    const report = await ingestEvents(db, events, {
      onEventError: 'skip-failed',
      actor: CLI_ACTOR,
      onStored: async (tx, event, result) =>
        (await loggedInteractions.onStored!(tx, event, result, IMPORT_ORIGIN, event))?.added,
    });
    return report.results;
  };
}
