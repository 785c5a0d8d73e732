// A channel message appended by one process and projected by another (`rapport replay` beside a running server,
// both following the same log): the appender's projector never sees the outcome, so it reads back what became of
// the message from what the other projection wrote. Each outcome must be the true one (the case opened, joined or
// reopened), not "already there", and a message sent twice is still a duplicate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';
import { EventLog } from '../eventlog/index.ts';
import type { CarriedMessage } from '../cases/index.ts';
import { CLI_ACTOR } from '../shared/actor.ts';
import { createProjector, loggedMessageIntake } from './projection.ts';

const temp = useTempDatabase('projection-elsewhere');

const message = (id: string, text: string, threadRefs: string[] = []): CarriedMessage => ({
  channel: 'email',
  source: 'email',
  externalId: `<${id}@example.com>`,
  threadRefs,
  from: { identities: [{ kind: 'email', value: 'ann@example.com' }], name: 'Ann' },
  subject: 'My order',
  text,
  occurredAt: Date.now(),
});

test('what became of a message another projector carried: opened, joined, reopened, and a duplicate', {
  timeout: 60_000,
}, async () => {
  const file = join(temp.dir, 'events.db');
  const config = { logRetentionDays: 7 };
  // Two handles on one log file, as two processes have: an append through one wakes only its own projector.
  const theirLog = await EventLog.open(file);
  const myLog = await EventLog.open(file);
  const theirs = createProjector(temp.db, theirLog, config, { keepImportOutcomes: false });
  // Mine never polls on its own: it learns that the log moved only when the test says so, after theirs projected.
  const mine = createProjector(temp.db, myLog, config, { keepImportOutcomes: true, pollMs: 3_600_000 });
  await theirs.start();
  await mine.start();
  const intake = loggedMessageIntake(temp.db, theirLog, mine);
  let position = 0;
  const send = async (carried: CarriedMessage) => {
    position += 1;
    const answer = intake(carried, CLI_ACTOR);
    assert.equal(await theirs.waitFor(position, 20_000), true, 'their projector carried it');
    await mine.projectBatch();
    return answer;
  };
  try {
    const opened = await send(message('m1', 'The parcel never came'));
    assert.equal(opened.outcome, 'opened');
    const joined = await send(message('m2', 'Any news?', ['<m1@example.com>']));
    assert.deepEqual([joined.outcome, joined.caseId], ['joined', opened.caseId]);

    await temp.db.run("UPDATE cases SET status = 'resolved', resolved_at = ? WHERE id = ?", [
      Date.now(),
      opened.caseId,
    ]);
    const reopened = await send(message('m3', 'It still has not come', ['<m2@example.com>']));
    assert.deepEqual([reopened.outcome, reopened.caseId], ['reopened', opened.caseId]);

    const again = await send(message('m1', 'The parcel never came'));
    assert.deepEqual([again.outcome, again.caseId], ['duplicate', opened.caseId]);
    const contacts = await temp.db.get<{ contact_count: number }>('SELECT contact_count FROM cases WHERE id = ?', [
      opened.caseId,
    ]);
    assert.equal(contacts?.contact_count, 3, 'the duplicate added no contact');
  } finally {
    await mine.close();
    await theirs.close();
    await myLog.close();
    await theirLog.close();
  }
});
