// `rapport eval` on small labelled CSV files written to a temp folder: the baseline's line for sentiment labels,
// the trained classifier's line last, and exit status 2 for a missing column or file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRapport } from './helpers/cli.ts';

let dir: string;
const file = (name: string) => join(dir, name);

const csv = (rows: string[][]) =>
  `${rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-eval-'));
  writeFileSync(
    file('sentiment.csv'),
    csv([
      ['id', 'message', 'mood'],
      ['1', 'thank you, lovely crew!', 'positive'],
      ['2', 'worst airline ever, lost my bag', 'negative'],
      ['3', 'what time does boarding start?', 'neutral'],
      ['4', 'great service :)', 'positive'],
    ]),
  );
  writeFileSync(
    file('train.csv'),
    csv([
      ['message', 'mood', 'reason'],
      ['my bag did not arrive', 'negative', 'baggage'],
      ['lost luggage again', 'negative', 'baggage'],
      ['where is my suitcase', 'negative', 'baggage'],
      ['flight delayed two hours', 'negative', 'delay'],
      ['why is the plane late', 'negative', 'delay'],
      ['delayed again at the gate', 'negative', 'delay'],
    ]),
  );
  writeFileSync(
    file('test.csv'),
    csv([
      ['message', 'reason'],
      ['my luggage is lost', 'baggage'],
      ['the flight is delayed', 'delay'],
    ]),
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('sentiment labels: the baseline prints accuracy and macro-F1', async () => {
  const run = await runRapport([
    'eval',
    '--test',
    file('sentiment.csv'),
    '--text-column',
    'message',
    '--label-column',
    'mood',
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^baseline accuracy=1\.0000 macroF1=1\.0000 texts=4$/m);
});

test('other labels: the baseline does not apply; with --train the classifier line comes last', async () => {
  const run = await runRapport([
    'eval',
    '--test',
    file('test.csv'),
    '--train',
    file('train.csv'),
    '--text-column',
    'message',
    '--label-column',
    'reason',
  ]);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.match(lines[0]!, /^baseline does not apply/);
  assert.match(lines.at(-1)!, /^classifier accuracy=1\.0000 macroF1=1\.0000 texts=2 trained=6$/);
});

test('a missing column, file or option, or training data of one label: a clear message and exit status 2', async () => {
  const missingColumn = await runRapport([
    'eval',
    '--test',
    file('test.csv'),
    '--text-column',
    'body',
    '--label-column',
    'reason',
  ]);
  assert.equal(missingColumn.code, 2);
  assert.match(missingColumn.stderr, /has no column "body"; its columns are message, reason/);
  const missingFile = await runRapport([
    'eval',
    '--test',
    file('nope.csv'),
    '--text-column',
    'a',
    '--label-column',
    'b',
  ]);
  assert.equal(missingFile.code, 2);
  assert.match(missingFile.stderr, /ENOENT/);
  const missingOption = await runRapport(['eval', '--test', file('test.csv')]);
  assert.equal(missingOption.code, 2);
  assert.match(missingOption.stderr, /required option '--text-column <name>'/);
  const oneLabel = await runRapport([
    'eval',
    '--test',
    file('sentiment.csv'),
    '--train',
    file('train.csv'),
    '--text-column',
    'message',
    '--label-column',
    'mood',
  ]);
  assert.equal(oneLabel.code, 2);
  assert.match(oneLabel.stderr, /train\.csv has fewer than two labels in mood: nothing to learn/);
});
