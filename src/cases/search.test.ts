// How the case search box is read: numbers, order ids, and words for the full-text index, with the
// German spellings without umlauts both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCaseSearch, spellingVariants } from './search.ts';

test('a case number, with or without #, is looked up as one (and as an order id and words too)', () => {
  assert.equal(parseCaseSearch('#10134').number, 10134);
  assert.equal(parseCaseSearch(' 10134 ').number, 10134);
  assert.equal(parseCaseSearch('10134 refund').number, null);
  assert.deepEqual(parseCaseSearch('#10134').orderRefs, ['#10134', '10134']);
  assert.equal(parseCaseSearch('#10134').match, '"10134"*');
});

test('one word with a digit may be an order id; words without one, or several words, are not', () => {
  assert.deepEqual(parseCaseSearch('A-1001').orderRefs, ['A-1001']);
  assert.deepEqual(parseCaseSearch('refund').orderRefs, []);
  assert.deepEqual(parseCaseSearch('order A-1001').orderRefs, []);
});

test('words typed together stay a phrase whose last word may be unfinished; groups must all match', () => {
  assert.equal(parseCaseSearch('jane@').match, '"jane"*');
  assert.equal(parseCaseSearch('example.com').match, '"example com"*');
  assert.equal(parseCaseSearch('double charge').match, '"double"* AND "charge"*');
});

test('nothing the index could match leaves no query, and FTS5 syntax in the box is only ever words', () => {
  assert.equal(parseCaseSearch('  ').match, null);
  assert.equal(parseCaseSearch('"*()^:').match, null);
  assert.equal(parseCaseSearch('a OR "b" NEAR(c)').match, '"a"* AND "or"* AND "b"* AND "near c"*');
});

test('umlauts: Müller also looks for mueller, mueller also for muller, strasse also for straße', () => {
  assert.deepEqual(spellingVariants('Müller'), ['müller', 'mueller']);
  assert.deepEqual(spellingVariants('mueller'), ['mueller', 'muller']);
  assert.deepEqual(spellingVariants('Hauptstraße'), ['hauptstraße', 'hauptstrasse']);
  assert.deepEqual(spellingVariants('strasse'), ['strasse', 'straße']);
  assert.deepEqual(spellingVariants('refund'), ['refund']);
  assert.equal(parseCaseSearch('Müller').match, '("müller"* OR "mueller"*)');
});
