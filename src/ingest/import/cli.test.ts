// `rapport import` as a user runs it: in a child process, killed mid-import and run again, it ends with every good
// row stored once; usage mistakes (in-process) exit 2 with a message that says what to fix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { runRapport } from '../../../test/helpers/cli.ts';
import { bundleEntry, type Bundle } from '../../../test/helpers/bundle.ts';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { openDatabase } from '../../app/app.ts';
import { loadConfig } from '../../app/config.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ROWS = 6_000;
const isBad = (index: number) => index % 1000 === 999;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

// The command line built once into plain JavaScript: a child starts without compiling TypeScript again.
let cli: Bundle;
before(async () => (cli = await bundleEntry('src/cli/main.ts')));
after(() => cli.remove());

function rapport(args: string[], onStart: (child: ReturnType<typeof spawn>) => void = () => {}): Promise<Exit> {
  const child = spawn(process.execPath, [cli.file, ...args], {
    cwd: REPO,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  onStart(child);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** The same command line run in this process, its output captured. */
async function rapportInProcess(args: string[]): Promise<Exit> {
  return { ...(await runRapport(args, { ...process.env, FORCE_COLOR: '0' })), signal: null };
}

interface RunRow {
  rows_committed: number;
  rows_failed: number;
  finished_at: number | null;
}

/** Reads the checkpoint the way an operator would, from outside the importing process. */
function checkpointOf(databaseFile: string): RunRow | undefined {
  if (!existsSync(databaseFile)) return undefined;
  const connection = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return connection.prepare('SELECT rows_committed, rows_failed, finished_at FROM import_runs').get() as
      | RunRow
      | undefined;
  } catch {
    return undefined; // the child is still creating the schema
  } finally {
    connection.close();
  }
}

test('killed mid-import and run again, the import ends with exactly the good rows stored once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  const dataDir = join(dir, 'data');
  const file = join(dir, 'messages.csv');
  const lines = ['Email,Body'];
  for (let index = 0; index < ROWS; index++)
    lines.push(`${isBad(index) ? 'nobody' : `user${index % 3000}@example.com`},"Message ${index}, with a comma"`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const args = [
    'import',
    file,
    '--data-dir',
    dataDir,
    '--batch-size',
    '500',
    '--map',
    'customer.email=Email',
    '--map',
    'text=Body',
    '--set',
    'channel=email',
  ];

  let atKill: RunRow | undefined;
  const killed = await rapport(args, async (child) => {
    const databaseFile = join(dataDir, 'rapport.db');
    while (child.exitCode === null) {
      const checkpoint = checkpointOf(databaseFile);
      if (checkpoint && checkpoint.rows_committed >= 1000) {
        atKill = checkpoint;
        child.kill('SIGKILL');
        return;
      }
      await sleep(20);
    }
  });
  assert.equal(killed.signal, 'SIGKILL', `the first run ended on its own: ${killed.stdout}${killed.stderr}`);
  assert.ok(atKill && atKill.rows_committed < ROWS && atKill.finished_at === null);

  const resumed = await rapport(args);
  assert.equal(resumed.code, 1, resumed.stderr);
  assert.match(resumed.stderr, /Resuming .*messages\.csv: skipping the [\d,]+ rows an earlier run committed/);
  assert.match(resumed.stdout, /skipped \(committed earlier\)/);
  assert.match(resumed.stdout, /Error report: .*messages\.csv\.errors\.csv/);

  const badLines = Array.from({ length: ROWS }, (_, index) => index)
    .filter(isBad)
    .map((index) => String(index + 2));
  const db = await openDatabase(loadConfig(process.env, { dataDir }));
  try {
    const stored = await db.get<{ rows: number; keys: number }>(
      'SELECT COUNT(*) AS rows, COUNT(DISTINCT source_id) AS keys FROM interactions',
    );
    assert.deepEqual(stored, { rows: ROWS - badLines.length, keys: ROWS - badLines.length });
    const run = await db.get<RunRow>('SELECT rows_committed, rows_failed, finished_at FROM import_runs');
    assert.equal(run?.rows_committed, ROWS);
    assert.equal(run?.rows_failed, badLines.length);
    assert.ok(run?.finished_at);
  } finally {
    await db.close();
  }
  const report = parse(readFileSync(`${file}.errors.csv`), { columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(
    report.map((row) => row.line),
    badLines,
  );
  assert.ok(report.every((row) => row.field === 'customer.email'));
  rmSync(dir, { recursive: true, force: true });
});

test('usage mistakes exit 2 with a clear message, before the database is touched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  const dataDir = join(dir, 'data');
  const file = join(dir, 'contacts.csv');
  writeFileSync(file, 'Email,Body\nada@example.com,hello\n');

  const missing = await rapportInProcess(['import', join(dir, 'nope.csv'), '--data-dir', dataDir]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /rapport: No file .*nope\.csv/);

  const unknown = await rapportInProcess(['import', file, '--data-dir', dataDir, '--map', 'customer.mail=Email']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown field "customer\.mail" on the command line\. Fields: customer\.email, /);

  for (const [option, value, message] of [
    ['--max-errors', '0', /--max-errors.*a whole number of rows, at least 1/],
    ['--timezone', 'Mars/Olympus', /--timezone.*an IANA time zone/],
    ['--date-format', 'HH:mm', /--date-format.*a layout in luxon tokens with day, month and year/],
  ] as const) {
    const refused = await rapportInProcess(['import', file, '--data-dir', dataDir, option, value]);
    assert.equal(refused.code, 2, option);
    assert.match(refused.stderr, message);
  }

  assert.equal(existsSync(dataDir), false);
  rmSync(dir, { recursive: true, force: true });
});
