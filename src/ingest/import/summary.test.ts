// The words an import is reported in: a resumed run counts what the earlier run did apart from its own work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeProgress, describeReport, describeRowError, describeRun } from './summary.ts';
import type { ImportReport } from './model.ts';

const report: ImportReport = {
  file: { path: '/data/tickets.csv', size: 2_500_000, format: 'csv' },
  run: { kind: 'resumed', rowsSkipped: 12_500, rejectedBefore: 3, finishedBefore: null },
  rowsRead: 20_000,
  stored: 7_480,
  duplicates: 18,
  rejected: 2,
  customersCreated: 1_204,
  merges: 1,
  elapsedMs: 2_500,
  errorReport: '/data/tickets.csv.errors.csv',
  stoppedAtMaxErrors: false,
};

test('the summary of a resumed run shows what was skipped, rejections before and after, and the rate of its own rows', () => {
  assert.equal(
    describeReport('tickets.csv', report),
    [
      'Imported tickets.csv in 2.5 s (3,000 rows/s)',
      '  rows read                    20,000',
      '  skipped (committed earlier)  12,500',
      '  stored                       7,480',
      '  duplicates                   18',
      '  rejected                     2 (+3 earlier)',
      '  customers created            1,204',
      '  merges                       1',
      'Error report: /data/tickets.csv.errors.csv',
    ].join('\n'),
  );
  assert.equal(
    describeRun('tickets.csv', report.run),
    'Resuming tickets.csv: skipping the 12,500 rows an earlier run committed.',
  );
  assert.equal(describeRun('tickets.csv', { ...report.run, kind: 'new', rowsSkipped: 0 }), null);
});

test('a progress line and a rejected row read plainly', () => {
  const progress = { ...report, bytesRead: 1_250_000, totalBytes: 2_500_000 };
  assert.equal(
    describeProgress(progress, 12_500, 10),
    'import: 50% (1.3 MB of 2.5 MB), 20,000 rows, 3,000 rows/s, ETA 2m 05s',
  );
  assert.equal(
    describeRowError({ line: 7, field: 'customer.email', reason: 'Not an email address: x', record: 'x' }),
    'line 7: customer.email: Not an email address: x',
  );
  assert.equal(
    describeRowError({ line: 9, field: '', reason: 'A quoted field is never closed', record: '"x' }),
    'line 9: A quoted field is never closed',
  );
});
