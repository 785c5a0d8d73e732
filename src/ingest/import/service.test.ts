// importFile against a real database in a temp directory: good rows land, bad rows are reported with their line
// and reason in the error report, and importing the same file again stores nothing new.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { openDatabase } from '../../app/app.ts';
import { loadConfig } from '../../app/config.ts';
import type { SqliteDatabase } from '../../store/sqlite.ts';
import {
  importFile,
  inspectImportFile,
  parseMapping,
  type ImportOptions,
  type MappingInput,
  type RowError,
} from './index.ts';

let dir: string;
let db: SqliteDatabase;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-import-'));
  db = await openDatabase(loadConfig(process.env, { dataDir: join(dir, 'data') }));
});

after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(name: string, text: string, mapping: MappingInput = {}, options: Partial<ImportOptions> = {}) {
  const path = join(dir, name);
  if (!existsSync(path)) writeFileSync(path, text);
  const rejected: RowError[] = [];
  const report = await importFile(
    db,
    { file: await inspectImportFile(path), mapping: parseMapping(mapping), defaultCountry: 'US', ...options },
    { rejected: (error) => rejected.push(error) },
  );
  return { report, rejected, path };
}

interface StoredInteraction {
  email: string;
  text: string | null;
  occurred_at: number;
  department: string | null;
  source: string;
  source_id: string;
  traits: string;
}

function interactionsFrom(source: string): Promise<StoredInteraction[]> {
  return db.all<StoredInteraction>(
    `SELECT i.value AS email, x.text, x.occurred_at, x.department, x.source, x.source_id, c.traits
       FROM interactions x LEFT JOIN profile_owners o ON o.profile_id = x.profile_id
       JOIN identities i ON i.customer_id = COALESCE(o.customer_id, x.profile_id) AND i.kind = 'email'
       JOIN customers c ON c.id = COALESCE(o.customer_id, x.profile_id)
      WHERE x.source = ? ORDER BY x.id`,
    [source],
  );
}

const TICKETS = [
  'Email,Channel,Body,When,Plan', //                                   1
  'ada@example.com,email,Hello,2024-01-02T10:00:00Z,pro', //           2
  'not-an-email,email,Hi,,', //                                         3
  'bob@example.com,carrier-pigeon,Coo,,', //                            4
  ',email,nobody,,', //                                                 5
  'cy@example.com,chat,"A message', //                                 6
  'over two lines",Tue Oct 31 22:10:47 +0000 2017,free', //            7
  'dee@example.com,chat,Bad date,yesterday-ish,', //                   8
  '', //                                                               9
  'eve@example.com,email,"unclosed,,', //                              10
  'fay@example.com,email,after the broken row,,', //                   11
].join('\n');

const TICKET_MAPPING: MappingInput = {
  map: ['customer.email=Email', 'channel=Channel', 'text=Body', 'occurredAt=When', 'customer.traits.plan=Plan'],
  set: ['department=Support'],
};

test('a CSV with good and bad rows: the good rows land, each bad row is reported with its line and reason', async () => {
  const { report, rejected, path } = await run('tickets.csv', TICKETS, TICKET_MAPPING, { source: 'helpdesk' });

  assert.deepEqual(
    {
      read: report.rowsRead,
      stored: report.stored,
      duplicates: report.duplicates,
      rejected: report.rejected,
      created: report.customersCreated,
    },
    { read: 8, stored: 3, duplicates: 0, rejected: 5, created: 3 },
  );
  assert.equal(report.run.kind, 'new');
  const stored = await interactionsFrom('helpdesk');
  assert.deepEqual(
    stored.map((row) => [row.email, row.text, row.department, JSON.parse(row.traits).plan]),
    [
      ['ada@example.com', 'Hello', 'support', 'pro'],
      ['cy@example.com', 'A message\nover two lines', 'support', 'free'],
      ['fay@example.com', 'after the broken row', 'support', undefined],
    ],
  );
  assert.equal(stored[1]!.occurred_at, Date.UTC(2017, 9, 31, 22, 10, 47));

  const expected = [
    [3, 'customer.email', /Not an email address: not-an-email/],
    [4, 'channel', /expected one of "email"\|"social"/],
    [5, 'customer', /Name the customer/],
    [8, 'occurredAt', /Not a date and time: yesterday-ish/],
    [10, '', /A quoted field is never closed/],
  ] as const;
  assert.deepEqual(
    rejected.map((error) => [error.line, error.field]),
    expected.map(([line, field]) => [line, field]),
  );
  for (const [index, [, , reason]] of expected.entries()) assert.match(rejected[index]!.reason, reason);

  assert.equal(report.errorReport, `${path}.errors.csv`);
  const written = parse(readFileSync(report.errorReport!), { columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(Object.keys(written[0]!), ['line', 'field', 'reason', 'record']);
  assert.deepEqual(
    written.map((row) => row.line),
    ['3', '4', '5', '8', '10'],
  );
  assert.equal(written[1]!.record, 'bob@example.com,carrier-pigeon,Coo,,');
  assert.equal(written[4]!.record, 'eve@example.com,email,"unclosed,,');
});

test('importing the same file again stores nothing new and says it was imported before', async () => {
  const { report } = await run('tickets.csv', TICKETS, TICKET_MAPPING, { source: 'helpdesk' });
  assert.equal(report.run.kind, 'recheck');
  assert.ok(report.run.finishedBefore);
  assert.deepEqual([report.stored, report.duplicates, report.rejected, report.customersCreated], [0, 3, 5, 0]);
  assert.equal((await interactionsFrom('helpdesk')).length, 3);

  const restarted = await run('tickets.csv', TICKETS, TICKET_MAPPING, { source: 'helpdesk', restart: true });
  assert.equal(restarted.report.run.kind, 'restarted');
  assert.deepEqual([restarted.report.stored, restarted.report.duplicates], [0, 3]);
});

test('identical rows count once; the default source is "import"; unmapped columns can be kept as properties', async () => {
  const csv = [
    'customer.email,channel,text,Order',
    'gus@example.com,order,Bought a lamp,A-1',
    'gus@example.com,order,Bought a lamp,A-1',
    '',
  ].join('\n');
  const { report } = await run('orders.csv', csv, { keepColumns: true });
  assert.deepEqual([report.stored, report.duplicates, report.rejected, report.errorReport], [1, 1, 0, null]);
  const [row] = await db.all<{ source_id: string; properties: string }>(
    "SELECT source_id, properties FROM interactions WHERE source = 'import'",
  );
  assert.match(row!.source_id, /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(JSON.parse(row!.properties), { Order: 'A-1' });
});

test('JSON Lines: each line is a native body; an invalid JSON line is reported and the others land', async () => {
  const lines = [
    '{"customer":{"email":"hal@example.com"},"channel":"chat","text":"hi","sourceId":"m1"}',
    '{"customer":{"email":"hal@example.com"},"channel":"chat","text":"cut off',
    '',
    '{"user":{"mail":"ivy@example.com"},"channel":"email","text":"mapped from user.mail"}',
  ].join('\n');
  const { report, rejected } = await run('events.jsonl', lines, {
    map: ['customer.email=user.mail'],
    set: ['source=chatbot'],
  });
  assert.equal(report.file.format, 'jsonl');
  assert.deepEqual([report.rowsRead, report.stored, report.rejected], [3, 2, 1]);
  assert.deepEqual(
    rejected.map((error) => [error.line, error.field]),
    [[2, '']],
  );
  assert.match(rejected[0]!.reason, /^Not valid JSON/);
  const stored = await interactionsFrom('chatbot');
  assert.deepEqual(
    stored.map((row) => [row.email, row.source_id]),
    [
      ['hal@example.com', 'm1'],
      ['ivy@example.com', stored[1]!.source_id],
    ],
  );
});

test('a mapping that names a column the file lacks fails before anything is stored or checkpointed', async () => {
  const before = await db.get<{ runs: number }>('SELECT COUNT(*) AS runs FROM import_runs');
  await assert.rejects(
    run('missing-column.csv', 'Email,Body\na@example.com,hi\n', { map: ['customer.email=E-mail'] }),
    /Column "E-mail"/,
  );
  assert.deepEqual(await db.get('SELECT COUNT(*) AS runs FROM import_runs'), before);
});

test("dates without a zone are read in the zone the import names, not the server's", async () => {
  const csv = [
    'customer.email,channel,text,occurredAt,sourceId',
    'tz@example.com,email,Hello,2024-03-01 10:00,tz-1',
    'tz@example.com,email,Again,2024-03-01T10:00:00Z,tz-2',
    '',
  ].join('\n');
  const { report } = await run('zoned.csv', csv, { set: ['source=zoned'] }, { timezone: 'Europe/Paris' });
  assert.equal(report.stored, 2);
  const stored = await interactionsFrom('zoned');
  assert.deepEqual(
    stored.map((row) => new Date(row.occurred_at).toISOString()),
    ['2024-03-01T09:00:00.000Z', '2024-03-01T10:00:00.000Z'],
    '10:00 in Paris is 09:00 UTC; a date that says Z keeps its zone',
  );
});

test('day-first dates: refused with their line until the layout is named, then the same file lands once', async () => {
  const csv = [
    'customer.email,channel,text,occurredAt,sourceId',
    'eu@example.com,email,Bonjour,03/04/2024 10:00,eu-1',
    'eu@example.com,email,Encore,25/04/2024 09:30,eu-2',
    'eu@example.com,email,ISO,2024-04-26T08:00:00Z,eu-3',
    '',
  ].join('\n');
  const first = await run('day-first.csv', csv, { set: ['source=dayfirst'] }, { timezone: 'Europe/Paris' });
  assert.equal(first.report.stored, 1, 'only the ISO row could be read for sure');
  assert.deepEqual(
    first.rejected.map((error) => [error.line, error.field, error.reason.split(':')[0]]),
    [
      [2, 'occurredAt', 'Day and month could be either way round in 03/04/2024 10'],
      [3, 'occurredAt', 'Not a date and time'],
    ],
  );
  const second = await run(
    'day-first.csv',
    csv,
    { set: ['source=dayfirst'] },
    { timezone: 'Europe/Paris', dateFormat: 'dd/MM/yyyy HH:mm', restart: true },
  );
  assert.deepEqual([second.report.stored, second.report.duplicates, second.rejected.length], [2, 1, 0]);
  assert.deepEqual(
    (await interactionsFrom('dayfirst')).map((row) => new Date(row.occurred_at).toISOString()).sort(),
    ['2024-04-03T08:00:00.000Z', '2024-04-25T07:30:00.000Z', '2024-04-26T08:00:00.000Z'],
    '3 April and 25 April at Paris time, each stored once',
  );
});

test('a row the pipeline refuses is reported with the field at fault, and the rows around it land', async () => {
  const csv = [
    'customer.email,customer.id,channel,text,sourceId',
    'ok@example.com,,email,Fine,pf-1',
    ',cus_missing,email,Who?,pf-2',
    'ok@example.com,,email,Fine again,pf-3',
    '',
  ].join('\n');
  const { report, rejected } = await run('pipeline-refusal.csv', csv, { set: ['source=refusals'] });
  assert.equal(report.stored, 2);
  assert.deepEqual(
    rejected.map(({ line, field }) => ({ line, field })),
    [{ line: 3, field: 'customer.id' }],
  );
});

test('--max-errors stops a run whose rows are mostly bad after that batch; the same command goes on from there', async () => {
  const lines = ['customer.email,channel,text,sourceId'];
  for (let row = 1; row <= 30; row++)
    lines.push(row % 10 === 0 ? `good${row}@example.com,email,Fine,me-${row}` : `not-an-email,email,Bad,me-${row}`);
  const csv = `${lines.join('\n')}\n`;
  const first = await run('max-errors.csv', csv, { set: ['source=maxerrors'] }, { batchSize: 10, maxErrors: 5 });
  assert.equal(first.report.stoppedAtMaxErrors, true);
  assert.equal(first.report.rowsRead, 10, 'it stopped after the first batch of ten, which held nine bad rows');
  assert.equal(first.report.stored, 1);
  const second = await run('max-errors.csv', csv, { set: ['source=maxerrors'] }, { batchSize: 10 });
  assert.equal(second.report.run.kind, 'resumed');
  assert.equal(second.report.run.rowsSkipped, 10);
  assert.equal(second.report.stoppedAtMaxErrors, false);
  assert.equal(second.report.stored, 2, 'the rest of the file, once');
  assert.equal((await interactionsFrom('maxerrors')).length, 3);
});
