// Starts Rapport: opens the database, applies migrations, makes sure an admin exists, starts the
// channel adapters and the background work (outbox, SLA breaches), and serves HTTP.
import type { FastifyInstance } from 'fastify';
import { configureMetricsCatchUp, refreshMetrics, stopMetricsCatchUp } from '../metrics/index.ts';
import type { Config } from './config.ts';
import { openSqlite, type SqliteDatabase } from '../store/sqlite.ts';
import { buildServer } from './server.ts';
import { authenticator, recordAdministrativeChange } from './context.ts';
import { ensureFirstAdmin } from '../staff/index.ts';
import { createChannelRegistry, type ChannelRegistry } from '../channels/index.ts';
import { adaptersFromConfig } from '../channels/index.ts';
import { openCasesForCard, receiveMessage } from '../cases/index.ts';
import { setPerGestureLimit } from '../gestures/index.ts';
import { deliverDueReplies } from '../cases/index.ts';
import { sweepBreaches } from '../cases/index.ts';
import { closeResolvedCases } from '../cases/index.ts';
import { reevaluateChangedFlagRules, sweepLapsedFlags, sweepNewlyQuiet } from '../flags/index.ts';
import { SYSTEM_ACTOR } from '../shared/actor.ts';
import type { ChannelAdapter } from '../channels/index.ts';
import { pino } from 'pino';
import { closeLiveStreams } from '../live/index.ts';
import type { EventLog } from '../eventlog/index.ts';
import type { ProjectionControl } from '../pipeline/index.ts';
import { startProjection } from './projection.ts';
import {
  deliverSurveyInvitations,
  inviteAfterEvents,
  inviteAfterResolution,
  inviteOnSchedule,
  mintReplySurveyLink,
  sendDueDigests,
} from '../feedback/index.ts';
import { installViewRecorder } from '../audit/index.ts';
import { createViewRecorder } from './view-recorder.ts';

export interface RunningApp {
  app: FastifyInstance;
  db: SqliteDatabase;
  eventLog: EventLog;
  projector: ProjectionControl;
  url: string;
  channels: ChannelRegistry;
  generatedAdminPassword?: string;
  /** Sends the replies that are due now (also runs every 15 s). */
  flushOutbox(): Promise<void>;
  /** Queues the surveys due, emails the invitations and the feedback digests due (also runs every minute). */
  sendSurveys(): Promise<void>;
  close(): Promise<void>;
}

const OUTBOX_EVERY_MS = 15_000;
const SURVEYS_EVERY_MS = 60_000;
// Metrics also catch up before every read; the timer keeps that catch-up small.
const METRICS_EVERY_MS = 10_000;
// Large enough that each cell is rewritten a few times per million cases, small enough that no transaction grows the
// WAL by gigabytes: one unbounded round over 10 million cases slowed as its WAL passed 4 GB.
const BREACH_SWEEP_EVERY_MS = 30_000;
// Days-long windows: an hourly look is precise enough.
const HOUSEKEEPING_EVERY_MS = 3_600_000;

export async function openDatabase(config: Config): Promise<SqliteDatabase> {
  const db = openSqlite(config.databaseFile);
  await db.migrate();
  return db;
}

export async function startApp(config: Config, extraAdapters: ChannelAdapter[] = []): Promise<RunningApp> {
  const db = await openDatabase(config);
  const admin = await ensureFirstAdmin(db, config.adminEmail, config.adminPassword);
  const projectorLog = pino({ level: config.logLevel, name: 'projector' });
  // What was acknowledged before a stop is applied now, before the server answers anyone.
  const projection = await startProjection(db, config, {
    onError: (error) => projectorLog.error({ err: error }, 'projecting the event log failed; retrying'),
    keepImportOutcomes: false,
    thread: config.projectionThread,
  });
  const { log: eventLog, projector } = projection;
  // Metrics count what changed before anyone asks. What an upgrade queued (every case) is a rebuild: it is counted
  // in the background while the server answers, the dashboard saying how much is still to count.
  const metricsLog = pino({ level: config.logLevel, name: 'metrics' });
  configureMetricsCatchUp(db, {
    onDone: (counted) => metricsLog.info(counted, 'metrics caught up'),
    onError: (error) => metricsLog.error({ err: error }, 'the metrics catch-up failed; the next read starts it again'),
  });
  const counted = await refreshMetrics(db);
  if (counted.subjects + counted.texts > 0) metricsLog.info(counted, 'metrics counted');
  // Views of customer data are audited through the event log, so a look-up is reads only (view-recorder.ts).
  const auditLog = pino({ level: config.logLevel, name: 'audit' });
  const onViewError = (error: unknown) => auditLog.error({ err: error }, 'a view shown could not be logged');
  installViewRecorder(db, createViewRecorder({ eventLog, projector, onError: onViewError }));
  const channelLog = pino({ level: config.logLevel, name: 'channels' });
  const channels = createChannelRegistry([...extraAdapters, ...adaptersFromConfig(config, channelLog)]);

  // One flush at a time; a call while one runs waits for it and then runs again, so nothing due is skipped.
  let flushing: Promise<void> = Promise.resolve();
  const flushOutbox = () => {
    flushing = flushing.then(async () => {
      await deliverDueReplies(db, channels, config.companyName);
    });
    return flushing;
  };
  const app = await buildServer({
    db,
    config,
    channels,
    flushOutbox,
    authenticator,
    recordAdministrativeChange,
    openCasesOf: openCasesForCard,
    onEmpowermentLimitChanged: setPerGestureLimit,
    mintSurveyLink: mintReplySurveyLink,
    eventLog,
    projector,
  });

  for (const adapter of channels.adapters) {
    await adapter.start?.(async (message) => {
      await receiveMessage(db, message, { ...SYSTEM_ACTOR, id: adapter.name });
    });
  }
  // Links in mail must reach the customer: the configured public address, else this server's own.
  let publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  let sendingSurveys: Promise<void> = Promise.resolve();
  const sendSurveys = () => {
    sendingSurveys = sendingSurveys.then(async () => {
      await inviteAfterResolution(db);
      await inviteAfterEvents(db);
      await inviteOnSchedule(db);
      await deliverSurveyInvitations(db, channels.mailer(), { company: config.companyName, publicUrl });
      await sendDueDigests(db, channels.mailer(), { company: config.companyName, appUrl: publicUrl });
    });
    return sendingSurveys;
  };
  const logFailure = (what: string) => (error: unknown) => app.log.error({ err: error }, `${what} failed`);
  const timers = [
    setInterval(() => void flushOutbox().catch(logFailure('outbox delivery')), OUTBOX_EVERY_MS),
    setInterval(() => void sendSurveys().catch(logFailure('survey invitations')), SURVEYS_EVERY_MS),
    setInterval(() => void refreshMetrics(db).catch(logFailure('metrics refresh')), METRICS_EVERY_MS),
    setInterval(() => void sweepBreaches(db).catch(logFailure('SLA breach sweep')), BREACH_SWEEP_EVERY_MS),
    setInterval(() => void closeResolvedCases(db).catch(logFailure('closing resolved cases')), HOUSEKEEPING_EVERY_MS),
    setInterval(() => void sweepLapsedFlags(db).catch(logFailure('lapsed flag sweep')), HOUSEKEEPING_EVERY_MS),
    setInterval(() => void sweepNewlyQuiet(db).catch(logFailure('quiet customer sweep')), HOUSEKEEPING_EVERY_MS),
    setInterval(
      () => void reevaluateChangedFlagRules(db).catch(logFailure('flag rule re-evaluation')),
      BREACH_SWEEP_EVERY_MS,
    ),
  ];
  for (const timer of timers) timer.unref();

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  return {
    app,
    db,
    eventLog,
    projector,
    url: `http://127.0.0.1:${port}`,
    channels,
    generatedAdminPassword: admin.generatedPassword,
    flushOutbox,
    sendSurveys,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const adapter of channels.adapters) await adapter.stop?.();
      // Open live streams would keep app.close() waiting for ever.
      closeLiveStreams(db);
      await app.close();
      await flushing.catch(() => undefined);
      await sendingSurveys.catch(() => undefined);
      await stopMetricsCatchUp(db);
      await projection.close();
      await db.close();
    },
  };
}
