// The baseline the pipeline is compared with: the same events as plain rows, written by one prepared
// INSERT into one table with one index, in transactions of the same size. What SQLite alone costs.
import type BetterSqlite3 from 'better-sqlite3';
import type { RawBatch } from './generate.ts';

export interface BareRow {
  customerKey: string;
  type: string;
  event: string | null;
  text: string | null;
  properties: string;
  occurredAt: number;
  messageId: string;
}

/**
 * Rows are prepared before timing, so the baseline measures storage only. The customer key is the
 * id the call names (no resolution); an identify's traits stand in for properties.
 */
export function bareRowsOf(batch: RawBatch): BareRow[] {
  return batch.batch.map((call) => {
    const properties = (call.type === 'track' ? call.properties : call.traits) as Record<string, unknown>;
    return {
      customerKey: String(call.userId ?? call.anonymousId),
      type: call.type,
      event: typeof call.event === 'string' ? call.event : null,
      text: typeof properties.text === 'string' ? properties.text : null,
      properties: JSON.stringify(properties),
      occurredAt: Date.parse(call.timestamp),
      messageId: call.messageId,
    };
  });
}

/** Creates the baseline table and returns a function that writes one batch of rows in one transaction. */
export function createBareTable(connection: BetterSqlite3.Database): (rows: readonly BareRow[]) => void {
  connection.exec(`
    CREATE TABLE bare_events (
      id INTEGER PRIMARY KEY,
      customer_key TEXT NOT NULL,
      type TEXT NOT NULL,
      event TEXT,
      text TEXT,
      properties TEXT,
      occurred_at INTEGER NOT NULL,
      message_id TEXT NOT NULL
    );
    CREATE INDEX bare_events_customer ON bare_events(customer_key, occurred_at);
  `);
  const insert = connection.prepare(
    'INSERT INTO bare_events (customer_key, type, event, text, properties, occurred_at, message_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return connection.transaction((rows: readonly BareRow[]) => {
    for (const row of rows)
      insert.run(row.customerKey, row.type, row.event, row.text, row.properties, row.occurredAt, row.messageId);
  });
}
