// The CSV helper every "Download CSV" button uses (web/src/csv.ts), without a browser: RFC 4180 quoting, CRLF
// lines, empty fields for missing values, numbers as they are, and customers' words that look like formulas
// defused. Also the churn page's choices in the address and its queries (web/src/retention/choices.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, toCsv } from '../web/src/csv.ts';
import { churnChoicesFrom, churnPagePath, churnQueryOf, cohortQueryOf } from '../web/src/retention/choices.ts';
import { formatLift, formatRate, monthLabel } from '../web/src/retention/format.ts';

test('fields: quoted only when they hold a comma, a quote or a line break; quotes doubled', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('Too expensive, really'), '"Too expensive, really"');
  assert.equal(csvField('Half the "price"'), '"Half the ""price"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('carriage\r'), '"carriage\r"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(undefined), '');
  assert.equal(csvField(0.375), '0.375');
  assert.equal(csvField(-0.25), '-0.25', 'a negative number stays a number');
  assert.equal(csvField(true), 'true');
});

test('words a spreadsheet would run as a formula get a leading apostrophe', () => {
  assert.equal(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvField('+1 555'), "'+1 555");
  assert.equal(csvField('-minus'), "'-minus");
  assert.equal(csvField('@sum'), "'@sum");
});

test('a file: the header, then a row per line, each line ended by CRLF', () => {
  const rows = [
    { reason: 'Price, mostly', count: 2, share: 0.5 },
    { reason: null, count: 1, share: 0.25 },
  ];
  assert.equal(
    toCsv(
      [
        { header: 'Reason', value: (row: (typeof rows)[number]) => row.reason },
        { header: 'Customers', value: (row: (typeof rows)[number]) => row.count },
        { header: 'Share', value: (row: (typeof rows)[number]) => row.share },
      ],
      rows,
    ),
    'Reason,Customers,Share\r\n"Price, mostly",2,0.5\r\n,1,0.25\r\n',
  );
  assert.equal(toCsv([{ header: 'Only', value: () => 1 }], []), 'Only\r\n', 'no rows: the header alone');
});

test('the churn page: choices from the address and back, the period and cohort queries', () => {
  const preset = churnChoicesFrom(new URLSearchParams('period=365d&cohorts=24'));
  assert.deepEqual(preset, { period: '365d', from: '', to: '', cohorts: 24 });
  assert.equal(churnPagePath(preset), '/insights/churn?period=365d&cohorts=24');
  assert.deepEqual(churnQueryOf(preset, '2026-12-04'), { from: '2025-12-05', to: '2026-12-05' });
  assert.deepEqual(cohortQueryOf(preset, '2026-12-04'), { from: '2025-01-01', to: '2027-01-01' });

  const custom = churnChoicesFrom(new URLSearchParams('from=2026-10-01&to=2026-10-31&cohorts=7'));
  assert.deepEqual(custom, { period: 'custom', from: '2026-10-01', to: '2026-10-31', cohorts: 12 });
  assert.deepEqual(churnQueryOf(custom, '2026-12-04'), { from: '2026-10-01', to: '2026-11-01' }, 'to is exclusive');
  assert.equal(churnPagePath(churnChoicesFrom(new URLSearchParams(''))), '/insights/churn', 'defaults stay out');

  assert.equal(formatRate(0.375), '37.5%');
  assert.equal(formatRate(null), '—');
  assert.equal(formatLift(1 - 2 / 7), '+71.4 pts');
  assert.equal(formatLift(-3 / 7), '−42.9 pts');
  assert.equal(monthLabel('2025-03'), 'Mar 2025');
});
