// The projection as every process that runs one configures it — the server, and the command line's import and
// replay: each edge's events decoded and carried to their cases the same way, the audit of views applied as it
// is. Two processes may project the same log at once: each batch reads the cursor inside its write transaction.
import type { Db } from '../store/db.ts';
import type { SqliteDatabase } from '../store/sqlite.ts';
import type { Config } from './config.ts';
import { eventKey, EventLog } from '../eventlog/index.ts';
import { type EventDecoder, type ProjectionControl, Projector, type ProjectorOptions } from '../pipeline/index.ts';
import type { IncomingEvent } from '../interactions/index.ts';
import { ProjectorThread } from './projector-thread.ts';
import { decodeLoggedSegmentCall, loggedInteractions } from '../ingest/index.ts';
import {
  loggedMessages,
  type MessageIntake,
  recallCarried,
  type ReceivedMessage,
  receiveMessagesThrough,
} from '../cases/index.ts';
import { recordAudit, type AuditEntry } from '../audit/index.ts';
import { loggedSurveyAnswers } from '../feedback/index.ts';
import { DomainError } from '../shared/errors.ts';
import { caseErrors } from '../cases/index.ts';

/** How long a channel waits for its message's case before it answers 503 (the message is kept either way). */
const CHANNEL_ANSWER_WAIT_MS = 10_000;

/** How each edge's entries are projected: one table for every process and thread that projects or decodes. */
function projectionEdges(keepImportOutcomes: boolean): Pick<ProjectorOptions, 'edges' | 'records'> {
  return {
    edges: {
      segment: { decode: decodeLoggedSegmentCall },
      native: loggedInteractions,
      // The server has nobody waiting for an import's outcomes; the import's own process has.
      import: { ...loggedInteractions, keepsOutcomes: keepImportOutcomes },
      channel: loggedMessages,
      survey: loggedSurveyAnswers,
    },
    records: { audit: (tx, body) => recordAudit(tx, body as AuditEntry) },
  };
}

/** A logged body as the pipeline's event, decoded as the projection decodes it (to read an outcome back). */
export const decodeLogged: EventDecoder = (body, origin, appendedAt) => {
  const decode = projectionEdges(false).edges?.[origin.edge]?.decode;
  return decode ? decode(body, origin, appendedAt) : (body as IncomingEvent);
};

export function createProjector(
  db: Db,
  log: EventLog,
  config: Pick<Config, 'logRetentionDays'>,
  options: Pick<ProjectorOptions, 'onError' | 'onProjected' | 'pollMs'> & { keepImportOutcomes: boolean },
): Projector {
  return new Projector(db, log, {
    ...projectionEdges(options.keepImportOutcomes),
    retentionDays: config.logRetentionDays,
    onError: options.onError,
    onProjected: options.onProjected,
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
  });
}

/**
 * A channel's message appended to the log, answered with its case once its own position is projected. A message
 * the projection rejects is refused as the direct path would have; one still waiting after 10 s is answered 503
 * with Retry-After (it is kept and will reach its case; sent again, it is the same message).
 */
export function loggedMessageIntake(db: Db, log: EventLog, projector: ProjectionControl): MessageIntake {
  return async (message, actor) => {
    const appended = await log.append({ edge: 'channel', actor }, [
      { key: eventKey(message.source, message.externalId), body: message },
    ]);
    const outcomes = await projector.outcomesOf(appended, CHANNEL_ANSWER_WAIT_MS);
    if (!outcomes) {
      throw caseErrors.error(
        'message_queued',
        'The message is received and kept, and will join its case shortly; the customer view is behind',
        { retryAfterSeconds: 5 },
      );
    }
    const [{ result, detail }] = outcomes as [(typeof outcomes)[number]];
    if (result.status === 'rejected') {
      const error = result.error!;
      throw new DomainError('cases', error.code, 'invalid', error.message, {
        errors: error.field ? [{ field: error.field, reason: error.message }] : [],
      });
    }
    // Projected by another process: its case, and what became of it, are read back.
    return (detail as ReceivedMessage | undefined) ?? recallCarried(db, message, result, appended.first, actor);
  };
}

/** The log beside the database, its projection running, and every channel message routed through the log. */
export interface LoggedDatabase {
  log: EventLog;
  projector: ProjectionControl;
  close(): Promise<void>;
}

/**
 * `thread`: the projection runs on a thread of its own with its own connections (the server), so that an
 * acknowledgement or a look-up never waits behind a batch; without it, in this thread between other work (the
 * command line, whose only work is the projection).
 */
export async function startProjection(
  db: SqliteDatabase,
  config: Pick<Config, 'logRetentionDays' | 'eventLogFile' | 'databaseFile'>,
  options: { onError: (error: unknown) => void; keepImportOutcomes: boolean; thread?: boolean },
): Promise<LoggedDatabase> {
  const log = await EventLog.open(config.eventLogFile, { writerThread: options.thread });
  const projector: ProjectionControl = options.thread
    ? await ProjectorThread.open({ db, log, config, decode: decodeLogged, onError: options.onError })
    : createProjector(db, log, config, options);
  await projector.start();
  receiveMessagesThrough(db, loggedMessageIntake(db, log, projector));
  return {
    log,
    projector,
    close: async () => {
      await projector.close();
      await log.close();
    },
  };
}
