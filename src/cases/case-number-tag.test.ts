// An answer by email finds its case by the [#number] tag in the subject when the reply headers are
// lost, but only for the case's own customer, and a closed case's tag opens a follow-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CLI_ACTOR } from '../shared/actor.ts';
import type { InboundMessage } from '../channels/model.ts';
import { receiveMessage } from './inbound.ts';
import { splitThreadRefs } from './threading.ts';
import { changeCase } from './service.ts';
import { useTempDatabase, openAtMigrations } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('case-tag');

let mails = 0;
const mail = (from: string, subject: string, threadRefs: string[] = []): InboundMessage => ({
  channel: 'email',
  source: 'email',
  externalId: `mail-${++mails}@example.com`,
  threadRefs,
  from: { identities: [{ kind: 'email', value: from }] },
  subject,
  text: 'Hello, about my order.',
  occurredAt: Date.now(),
});

test('thread references split into message ids and the case numbers of canonical tags', () => {
  assert.deepEqual(
    splitThreadRefs([
      'a@example.com',
      'case-number:1042',
      'case-number:0042',
      'case-number:',
      'case-number:12x',
      'case-number:7',
    ]),
    {
      messageIds: ['a@example.com'],
      caseNumbers: [1042, 7],
    },
  );
});

test('a [#number] tag joins the case of the same customer, whatever the subject says', async () => {
  const opened = await receiveMessage(temp.db, mail('ada@example.com', 'My order is late'), CLI_ACTOR);
  assert.equal(opened.outcome, 'opened');
  const answer = await receiveMessage(
    temp.db,
    mail('ada@example.com', 'Different words entirely', [`case-number:${opened.caseNumber}`]),
    CLI_ACTOR,
  );
  assert.equal(answer.outcome, 'joined');
  assert.equal(answer.caseId, opened.caseId);
});

test("another customer's tag is ignored: tags are guessable, message ids are not", async () => {
  const opened = await receiveMessage(temp.db, mail('bea@example.com', 'Refund please'), CLI_ACTOR);
  const stranger = await receiveMessage(
    temp.db,
    mail('cy@example.com', 'Refund please', [`case-number:${opened.caseNumber}`]),
    CLI_ACTOR,
  );
  assert.equal(stranger.outcome, 'opened');
  assert.notEqual(stranger.caseId, opened.caseId);
});

test("a closed case's tag opens a follow-up linked to it", async () => {
  const opened = await receiveMessage(temp.db, mail('dee@example.com', 'Broken zip'), CLI_ACTOR);
  await changeCase(temp.db, opened.caseId, { status: 'resolved' }, CLI_ACTOR);
  await changeCase(temp.db, opened.caseId, { status: 'closed' }, CLI_ACTOR);
  const again = await receiveMessage(
    temp.db,
    mail('dee@example.com', 'Re: Broken zip', [`case-number:${opened.caseNumber}`]),
    CLI_ACTOR,
  );
  assert.equal(again.outcome, 'opened');
  assert.equal(again.repeatOf, opened.caseId);
});

test('a message id reference wins over a tag', async () => {
  const first = await receiveMessage(temp.db, mail('eve@example.com', 'First matter'), CLI_ACTOR);
  const second = await receiveMessage(temp.db, mail('eve@example.com', 'Second matter'), CLI_ACTOR);
  const answer = await receiveMessage(
    temp.db,
    mail('eve@example.com', 'Re: First matter', [`mail-${mails - 1}@example.com`, `case-number:${second.caseNumber}`]),
    CLI_ACTOR,
  );
  assert.equal(answer.caseId, first.caseId);
});

test('a database from before 0006 drops the tag references it stored, keeps the others, and its tags still work', async () => {
  // With 0017 to 0021 too: the case below is opened by today's code, which keeps the timeline by profile, writes
  // the log position of what it projects, stores what listening read, asks for the active reason model, and reads
  // the escalation rules.
  const { db: old, writer } = await openAtMigrations(
    join(temp.dir, 'before-0006.db'),
    (version) => version <= 5 || (version >= 17 && version <= 21),
  );
  try {
    const opened = await receiveMessage(old, mail('fay@example.com', 'Lost parcel'), CLI_ACTOR);
    // As the engine stored them before 0006: the tag of every new case, beside the message ids.
    writer
      .prepare('INSERT INTO case_thread_refs (channel, ref, case_id) VALUES (?, ?, ?)')
      .run('email', `case-number:${opened.caseNumber}`, opened.caseId);
    writer
      .prepare('INSERT INTO case_thread_refs (channel, ref, case_id) VALUES (?, ?, ?)')
      .run('email', 'case-number:1@odd.example', opened.caseId);

    assert.ok((await old.migrate()).includes('0006_case_write_path'));
    const refs = (
      writer.prepare('SELECT ref FROM case_thread_refs WHERE case_id = ? ORDER BY ref').all(opened.caseId) as Array<{
        ref: string;
      }>
    ).map((row) => row.ref);
    assert.deepEqual(refs, ['case-number:1@odd.example', `mail-${mails}@example.com`]);
    const answer = await receiveMessage(
      old,
      mail('fay@example.com', 'Other words', [`case-number:${opened.caseNumber}`]),
      CLI_ACTOR,
    );
    assert.equal(answer.caseId, opened.caseId);
  } finally {
    await old.close();
  }
});
