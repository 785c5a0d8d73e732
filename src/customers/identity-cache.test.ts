// The identity cache forgets what a rolled-back transaction wrote: a message ingested, then its case failing,
// must not leave the new customer remembered, or the next event would be stored against someone who is not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';
import { ingestEvents } from '../pipeline/index.ts';
import { inboundMessage } from '../../test/helpers/events.ts';

const temp = useTempDatabase('identity-cache');

const event = (sourceId: string) => inboundMessage('rolled@example.com', sourceId, Date.UTC(2026, 0, 1));

test('a customer created in a transaction that rolls back is not remembered', async () => {
  await assert.rejects(
    temp.db.transaction(async (tx) => {
      await ingestEvents(tx, [event('first')]);
      throw new Error('the case could not be opened');
    }),
    /could not be opened/,
  );
  const report = await ingestEvents(temp.db, [event('second')]);
  assert.equal(report.stored, 1);
  const customer = await temp.db.get<{ id: string }>('SELECT id FROM customers WHERE id = ?', [
    report.results[0]!.customerId!,
  ]);
  assert.ok(customer, 'the event names a customer who exists');
});
