// The ceiling any synchronous pipeline can reach: the same rows as the bare insert, stored with just
// what every ingested event must have — a timeline index and an idempotency key that is checked
// before the insert — and nothing else (no validation, no identity resolution, no preferences).
// Its ratio to the bare insert bounds the pipeline's: work the pipeline adds only lowers it.
import type BetterSqlite3 from 'better-sqlite3';
import { sourceKey } from '../src/store/source-key.ts';
import { BENCH_SOURCE } from './segment-ingest.ts';
import type { BareRow } from './bare-insert.ts';

/** Creates the table and returns a function that writes one batch of rows in one transaction. */
export function createStorageCeilingTable(connection: BetterSqlite3.Database): (rows: readonly BareRow[]) => void {
  connection.exec(`
    CREATE TABLE stored_events (
      id INTEGER PRIMARY KEY,
      customer_key TEXT NOT NULL,
      type TEXT NOT NULL,
      event TEXT,
      text TEXT,
      properties TEXT,
      occurred_at INTEGER NOT NULL,
      message_id TEXT NOT NULL,
      source_key INTEGER NOT NULL
    );
    CREATE INDEX stored_events_customer ON stored_events(customer_key, occurred_at);
    CREATE INDEX stored_events_source_key ON stored_events(source_key);
  `);
  // The same idempotency scheme as interactions (src/store/source-key.ts): a hashed key, strings compared.
  const findStored = connection.prepare('SELECT id FROM stored_events WHERE source_key = ? AND message_id = ?');
  const insert = connection.prepare(
    `INSERT INTO stored_events (customer_key, type, event, text, properties, occurred_at, message_id, source_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return connection.transaction((rows: readonly BareRow[]) => {
    for (const row of rows) {
      const key = sourceKey(BENCH_SOURCE, row.messageId);
      if (findStored.get(key, row.messageId)) continue;
      insert.run(row.customerKey, row.type, row.event, row.text, row.properties, row.occurredAt, row.messageId, key);
    }
  });
}
