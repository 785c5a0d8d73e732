// Normalisation rules decide when two records are one person, so they are pinned here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  maskIdentityValue,
  normaliseEmail,
  normaliseHandle,
  normalisePhone,
  parseExternalRef,
  parseHandleRef,
} from './identity.ts';

test('emails are trimmed and lower-cased; non-emails are refused', () => {
  assert.equal(normaliseEmail('  Jane.Doe@Example.COM '), 'jane.doe@example.com');
  assert.equal(normaliseEmail('jane@'), null);
  assert.equal(normaliseEmail('not an email'), null);
});

test('phones become E.164, national numbers read in the default country', () => {
  assert.equal(normalisePhone('(415) 555-0123', 'US'), '+14155550123');
  assert.equal(normalisePhone('+44 20 7946 0958', 'US'), '+442079460958');
  assert.equal(normalisePhone('020 7946 0958', 'GB'), '+442079460958');
  assert.equal(normalisePhone('12', 'US'), null);
});

test('handles lose the @ and case; refs parse network:handle and system:id', () => {
  assert.equal(normaliseHandle('@JaneDoe'), 'janedoe');
  assert.equal(normaliseHandle('jane doe'), null);
  assert.deepEqual(parseHandleRef('twitter:@Jane'), { kind: 'handle:x', value: 'jane' });
  assert.deepEqual(parseExternalRef('Shopify:123'), { kind: 'external:shopify', value: '123' });
  assert.equal(parseExternalRef('noseparator'), null);
});

test('masking keeps enough to recognise, not to contact', () => {
  assert.equal(maskIdentityValue('email', 'jane@example.com'), 'j***@example.com');
  assert.equal(maskIdentityValue('phone', '+14155550123'), '+1415*****23');
  assert.equal(maskIdentityValue('handle:x', 'jane'), 'jane');
});
