// The projection as every process that runs one configures it — the server, and the command line's import and
// replay: each edge's events decoded and carried to their cases the same way, the audit of views applied as it
// is. Two processes may project the same log at once: each batch reads the cursor inside its write transaction.
import type { Db } from '../store/db.ts';
import type { Config } from './config.ts';
import { eventKey, EventLog } from '../eventlog/index.ts';
import { Projector } from '../pipeline/index.ts';
import { decodeLoggedSegmentCall, loggedInteractions } from '../ingest/index.ts';
import {
  carryToCase,
  loggedMessages,
  type MessageIntake,
  type ReceivedMessage,
  receiveMessagesThrough,
} from '../cases/index.ts';
import { recordAudit, type AuditEntry } from '../audit/index.ts';
import { DomainError } from '../shared/errors.ts';
import { caseErrors } from '../cases/index.ts';

/** How long a channel waits for its message's case before it answers 503 (the message is kept either way). */
const CHANNEL_ANSWER_WAIT_MS = 10_000;

export function createProjector(
  db: Db,
  log: EventLog,
  config: Pick<Config, 'logRetentionDays'>,
  options: { onError: (error: unknown) => void; keepImportOutcomes: boolean },
): Projector {
  return new Projector(db, log, {
    edges: {
      segment: { decode: decodeLoggedSegmentCall },
      native: loggedInteractions,
      // The server has nobody waiting for an import's outcomes; the import's own process has.
      import: { ...loggedInteractions, keepsOutcomes: options.keepImportOutcomes },
      channel: loggedMessages,
    },
    records: { audit: (tx, body) => recordAudit(tx, body as AuditEntry) },
    retentionDays: config.logRetentionDays,
    onError: options.onError,
  });
}

/**
 * A channel's message appended to the log, answered with its case once its own position is projected. A message
 * the projection rejects is refused as the direct path would have; one still waiting after 10 s is answered 503
 * with Retry-After (it is kept and will reach its case; sent again, it is the same message).
 */
export function loggedMessageIntake(db: Db, log: EventLog, projector: Projector): MessageIntake {
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
    // Projected by another process: its case is read back (as a message seen before).
    return (
      (detail as ReceivedMessage | undefined) ?? carryToCase(db, message, { ...result, status: 'duplicate' }, actor)
    );
  };
}

/** The log beside the database, its projection running, and every channel message routed through the log. */
export interface LoggedDatabase {
  log: EventLog;
  projector: Projector;
  close(): Promise<void>;
}

export async function startProjection(
  db: Db,
  config: Pick<Config, 'logRetentionDays' | 'eventLogFile'>,
  options: { onError: (error: unknown) => void; keepImportOutcomes: boolean },
): Promise<LoggedDatabase> {
  const log = await EventLog.open(config.eventLogFile);
  const projector = createProjector(db, log, config, options);
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
