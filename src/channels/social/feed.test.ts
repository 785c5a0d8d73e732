// A replayed feed row is held to the same text rule as an HTTP body: a NUL or a lone surrogate rejects
// the row with its field named, and an ordinary post (emoji included) is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeedRecord } from './feed.ts';

const row = (text: string) => ({
  tweet_id: '1',
  author_id: 'jane',
  inbound: 'True',
  created_at: 'Tue Oct 31 22:10:47 +0000 2017',
  text,
});

test('a NUL or a lone surrogate in a feed row rejects it, naming the field', () => {
  assert.match(String(parseFeedRecord(row('lost\u0000bag'))), /^text: contains a NUL/);
  assert.match(String(parseFeedRecord(row('half \ud83d'))), /^text: contains a lone UTF-16 surrogate/);
});

test('an ordinary post, emoji included, is read', () => {
  const post = parseFeedRecord(row('@shop my bag is lost again 😤'));
  assert.equal(typeof post, 'object', String(post));
});

test('a creation time outside 1970–2999 rejects the row, naming the field (it would make no date downstream)', () => {
  for (const created_at of [1e20, -1, Date.UTC(3000, 0, 1), '+275760-09-13T00:00:00Z']) {
    assert.match(String(parseFeedRecord({ ...row('@shop hello'), created_at })), /^created_at: a date between 1970/);
  }
  assert.equal(typeof parseFeedRecord({ ...row('@shop hello'), created_at: 0 }), 'object');
});
