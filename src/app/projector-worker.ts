// The projection's thread: its own connections to rapport.db and events.db, the projector the command line runs
// too (projection.ts), and messages to and from the app's side (projector-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite, WriterTurns } from '../store/sqlite.ts';
import { EventLog } from '../eventlog/index.ts';
import type { ProjectorState } from '../pipeline/index.ts';
import { createProjector } from './projection.ts';
import type { FromProjection, ProjectionThreadData, ToProjection } from './projector-thread.ts';

/** How often the state is told when no batch tells it (a paused projector's growing backlog, a failure). */
const STATE_EVERY_MS = 250;

const port = parentPort!;
const data = workerData as ProjectionThreadData;
const send = (message: FromProjection) => port.postMessage(message);

// The app's connection checkpoints both files; these leave it to that one.
const db = openSqlite(data.databaseFile, { checkpoints: false });
db.takeTurns(new WriterTurns(data.writerTurns), 'yields');
const log = await EventLog.open(data.eventLogFile, { checkpoints: false });
let told = '';
const tell = (outcomes: Extract<FromProjection, { kind: 'state' }>['outcomes'] = []) => {
  const state: ProjectorState = projector.state();
  const said = JSON.stringify(state);
  if (outcomes.length === 0 && said === told) return;
  told = said;
  send({ kind: 'state', state, outcomes });
};
const projector = createProjector(db, log, data, {
  keepImportOutcomes: false,
  onError: (error) =>
    send({
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    }),
  onProjected: (outcomes) => tell([...outcomes]),
});
// Reads the cursor and the head; paused until the app says start (it may be paused by an admin).
await projector.start();
await projector.stop();
tell();
const ticker = setInterval(() => tell(), STATE_EVERY_MS);

port.on('message', (message: ToProjection) => {
  if (message.kind === 'appended') {
    projector.noteAppended(message.head);
    return;
  }
  void answer(message).catch((error: unknown) =>
    send({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});

async function answer(message: Exclude<ToProjection, { kind: 'appended' }>): Promise<void> {
  switch (message.kind) {
    case 'start':
      await projector.start();
      break;
    case 'stop':
      await projector.stop();
      break;
    case 'status':
      send({ kind: 'answer', id: message.id, status: await projector.status() });
      return;
    case 'close':
      clearInterval(ticker);
      await projector.close();
      await log.close();
      await db.close();
      send({ kind: 'answer', id: message.id });
      port.close();
      return;
  }
  tell();
  send({ kind: 'answer', id: message.id });
}
