// The error report across a crash: a resumed run drops what the crashed batch wrote and appends after the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createErrorReport } from './error-report.ts';

const row = (line: number, record = `row ${line}`) => ({
  line,
  field: 'customer.email',
  reason: 'Not an email address: "x"',
  record,
});

test('a resumed report keeps the rows before the resume line, then appends; a clean run leaves no report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-report-'));
  const path = join(dir, 'file.csv.errors.csv');
  const first = createErrorReport(path, 'replace', false);
  await first.write([row(3), row(5, 'two\nlines, "quoted"')]);
  await first.write([row(9)]); // the batch the crash interrupted, written before its commit

  const resumed = createErrorReport(path, 'append', true);
  await resumed.resumeAt(7);
  await resumed.write([row(8)]);
  assert.equal(await resumed.close(), path);
  const rows = parse(readFileSync(path), { columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(
    rows.map((each) => [each.line, each.record]),
    [
      ['3', 'row 3'],
      ['5', 'two\nlines, "quoted"'],
      ['8', 'row 8'],
    ],
  );
  assert.equal(rows[1]!.reason, 'Not an email address: "x"');

  const clean = createErrorReport(path, 'replace', false);
  assert.equal(await clean.close(), null);
  assert.equal(existsSync(path), false);
  rmSync(dir, { recursive: true, force: true });
});
