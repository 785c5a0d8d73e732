// Language of short messages: the common languages of customers, and 'und' where a message is too short to tell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './language.ts';

test('English, Spanish, French and German messages', () => {
  assert.equal(detectLanguage('@united where is my bag? It has been three days'), 'en');
  assert.equal(detectLanguage('Mi vuelo fue cancelado y nadie responde'), 'es');
  assert.equal(detectLanguage('Mon vol a été annulé, personne ne répond'), 'fr');
  assert.equal(detectLanguage('Mein Flug wurde gestrichen und niemand antwortet'), 'de');
});

test("too little to tell is 'und': 'ok', a mention and an emoji, a link", () => {
  assert.equal(detectLanguage('ok'), 'und');
  assert.equal(detectLanguage('@united 👍'), 'und');
  assert.equal(detectLanguage('https://t.co/abc123'), 'und');
  assert.equal(detectLanguage(''), 'und');
});

test('mentions and hashtags do not make a Spanish message English', () => {
  assert.equal(detectLanguage('@AmericanAir @united #travel #help perdieron mi maleta otra vez'), 'es');
});

test('the answer is a two-letter code or und', () => {
  for (const text of ['hola amigos', 'asdf qwer zxcv', 'Grazie mille per il volo', 'Obrigado pela ajuda']) {
    assert.match(detectLanguage(text), /^([a-z]{2}|und)$/, text);
  }
});
