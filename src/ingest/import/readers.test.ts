// The readers on real files: each record with the line it starts on, and malformed records rejected one line at a
// time so that the good rows after them are still read.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvFile, readJsonLinesFile } from './readers.ts';
import type { CsvRecord, JsonRecord } from './model.ts';

const dir = mkdtempSync(join(tmpdir(), 'rapport-readers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function readAll<R>(records: AsyncIterable<R>): Promise<R[]> {
  const all: R[] = [];
  for await (const record of records) all.push(record);
  return all;
}

function csv(name: string, text: string): Promise<CsvRecord[]> {
  writeFileSync(join(dir, name), text);
  return readAll(readCsvFile(join(dir, name), ',').records);
}

function summary(record: CsvRecord | JsonRecord): string {
  return `${record.line} ${record.kind === 'unreadable' ? `! ${record.reason}` : record.raw}`;
}

test('CSV records start on their first physical line, across quoted line breaks, blank lines, CRLF and a BOM', async () => {
  const records = await csv(
    'lines.csv',
    '\uFEFFa,b,c\r\n1,2,3\r\n"x\r\n\r\ny",5,6\r\n\r\n\r\n7,"8 ""q""",9\r\n,,\r\n10,11,12',
  );
  assert.deepEqual(records.map(summary), ['1 a,b,c', '2 1,2,3', '3 "x\n\ny",5,6', '8 7,"8 ""q""",9', '10 10,11,12']);
  assert.deepEqual(records[0]!.kind === 'cells' && records[0]!.cells, ['a', 'b', 'c']);
  assert.deepEqual(records[2]!.kind === 'cells' && records[2]!.cells, ['x\n\ny', '5', '6']);
});

test('a malformed CSV record costs its first line only: parsing starts again on the next line', async () => {
  const records = await csv(
    'broken.csv',
    [
      'a,b,c',
      '1,2,3',
      '4,"unclosed,6',
      '7,8,9',
      '10,"bad" quote,12',
      '13,14,15',
      'a"b,17,18',
      '19,20',
      '21,22,23',
      '24,"never closed',
      '25,26,27',
      '',
    ].join('\n'),
  );
  assert.deepEqual(records.map(summary), [
    '1 a,b,c',
    '2 1,2,3',
    '3 ! A closing quote is followed by other characters (inside a quoted field, write a quote as "")',
    '4 7,8,9',
    '5 ! A closing quote is followed by other characters (inside a quoted field, write a quote as "")',
    '6 13,14,15',
    '7 ! A quote inside an unquoted field (quote the whole field and write the quote as "")',
    '8 ! Has 2 fields; the header has 3',
    '9 21,22,23',
    '10 ! A quoted field is never closed',
    '11 25,26,27',
  ]);
});

test('an unclosed quote is given up on after 1 MiB rather than held in memory', async () => {
  const filler = Array.from({ length: 20_000 }, (_, index) => `${index},${'x'.repeat(60)},end`);
  const records = await csv('runaway.csv', ['a,b,c', '1,"runaway,3', ...filler].join('\n'));
  assert.equal(records[1]!.line, 2);
  assert.match(records[1]!.kind === 'unreadable' ? records[1]!.reason : '', /runs on past 1048576 characters/);
  assert.equal(records.length, 2 + filler.length);
  assert.equal(summary(records.at(-1)!), `20002 19999,${'x'.repeat(60)},end`);
});

test('JSON Lines: one object a line; invalid JSON and non-objects are unreadable, blank lines skipped', async () => {
  writeFileSync(join(dir, 'events.jsonl'), '\uFEFF{"a":1}\n{"a":\n\n[1,2]\r\n{"b":"x"}');
  const records = await readAll(readJsonLinesFile(join(dir, 'events.jsonl')).records);
  assert.deepEqual(
    records.map((record) =>
      record.kind === 'object'
        ? `${record.line} ${JSON.stringify(record.object)}`
        : `${record.line} ! ${record.reason.split(':')[0]}`,
    ),
    ['1 {"a":1}', '2 ! Not valid JSON', '4 ! A line must hold one JSON object', '5 {"b":"x"}'],
  );
});
