// The tokenizer on the forms customers write in: each case names the token it must produce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, type Token } from './tokens.ts';

const find = (tokens: Token[], text: string) => tokens.find((token) => token.text === text);
const kinds = (text: string) => tokenize(text).map((token) => `${token.kind}:${token.text}`);

test('mentions, links and hashtags are whole tokens; a hashtag keeps its word', () => {
  assert.deepEqual(kinds('@united see https://t.co/x1 #delayed'), [
    'mention:@united',
    'word:see',
    'url:https://t.co/x1',
    'hashtag:delayed',
  ]);
});

test('emoji are tokens one by one, with their presentation selector and their sentiment', () => {
  const tokens = tokenize('ok 🙏❤️😡🧳');
  assert.deepEqual(
    tokens.map((token) => `${token.kind}:${token.text}`),
    ['word:ok', 'emoji:🙏', 'emoji:❤️', 'emoji:😡', 'emoji:🧳'],
  );
  const [, pray, heart, angry, suitcase] = tokens.map((token) => token.valence);
  assert.ok(pray! > 0 && heart! > 0, 'praying hands and a heart are positive');
  assert.ok(angry! < 0, 'an angry face is negative');
  assert.equal(suitcase, 0, 'a suitcase is no sentiment');
});

test('emoticons are tokens, but not inside words or links', () => {
  assert.deepEqual(
    tokenize(":) :-( :'( <3 xD").map((token) => token.kind),
    ['emoticon', 'emoticon', 'emoticon', 'emoticon', 'emoticon'],
  );
  const [smile, frown, cry, heart, laugh] = tokenize(":) :-( :'( <3 xD").map((token) => token.valence);
  assert.ok(smile! > 0 && heart! > 0 && laugh! > 0);
  assert.ok(frown! < 0 && cry! < 0);
  assert.deepEqual(kinds('http://x.co/:p'), ['url:http://x.co/:p']);
  assert.deepEqual(kinds('WORD: done'), ['word:word', 'punctuation::', 'word:done']);
});

test('a word in capitals shouts; a one-letter word does not', () => {
  const tokens = tokenize("I'm NOT happy");
  assert.equal(find(tokens, 'not')?.shouted, true);
  assert.equal(find(tokens, 'happy')?.shouted, false);
  assert.equal(find(tokens, 'i')?.shouted, false);
});

test('a held letter is undone and marked: soooo is so, gooood is good', () => {
  const [so, good] = tokenize('soooo gooood');
  assert.deepEqual([so?.text, so?.elongated, good?.text, good?.elongated], ['so', true, 'good', true]);
  assert.equal(tokenize('good')[0]?.elongated, false);
});

test('contractions are expanded, with or without the apostrophe; a possessive keeps the name', () => {
  assert.deepEqual(
    tokenize("can't won't dont I'm it's united's").map((token) => token.text),
    ['can', 'not', 'will', 'not', 'do', 'not', 'i', 'am', 'it', 'is', 'united'],
  );
  // 'its' and 'well' are words too.
  assert.deepEqual(
    tokenize('its wing').map((token) => token.text),
    ['its', 'wing'],
  );
});

test('a negation reaches the next three words, and stops at punctuation or "but"', () => {
  const negated = (text: string) =>
    tokenize(text)
      .filter((token) => token.negated)
      .map((token) => token.text);
  assert.deepEqual(negated('not bad at all really'), ['bad', 'at', 'all']);
  assert.deepEqual(negated("it wasn't good. fine"), ['good']);
  assert.deepEqual(negated('never late but rude'), ['late']);
  assert.deepEqual(negated('I cannot believe it'), ['believe', 'it']);
});

test('numbers and amounts of money are their own kinds', () => {
  assert.deepEqual(kinds('flight 1234 at 5:30pm cost $200 or 30 euros'), [
    'word:flight',
    'number:1234',
    'word:at',
    'number:5:30pm',
    'word:cost',
    'currency:$200',
    'word:or',
    'currency:30 euros',
  ]);
});
