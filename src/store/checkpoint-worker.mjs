// Runs in a worker thread: copies the WAL back into the database file (a PASSIVE checkpoint) every
// interval, so commits on the main thread never pay for it. Plain JavaScript: workers start without tsx.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const connection = new Database(workerData.file);
connection.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try {
    connection.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort?.postMessage({ error: String(error) });
  }
}, workerData.intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  // A last full pass so a cleanly stopped server leaves a small WAL behind.
  try {
    connection.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    connection.close();
    parentPort?.postMessage({ stopped: true });
  }
});
