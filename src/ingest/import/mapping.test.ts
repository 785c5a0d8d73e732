// The pure half of the importer: flags and mapping files parsed and checked, mappings applied to rows, rows validated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../shared/errors.ts';
import { statusOf } from '../../http/errors.ts';
import { mapCsvRow, mapJsonObject, parseMapping, planCsv, planJson } from './mapping.ts';
import { createRowValidator, rawRecordKey } from './rows.ts';

function usageError(code: string, message: RegExp) {
  return (error: unknown) =>
    error instanceof DomainError && error.code === code && statusOf(error) === 400 && message.test(error.message);
}

test('flags name fields as the native body does; an unknown field is a usage error that lists the fields', () => {
  const mapping = parseMapping({
    map: ['customer.email=E-mail', 'customer.traits.plan=Plan', 'text=Body=Text'],
    set: ['channel=email'],
  });
  assert.deepEqual(
    [...mapping.map],
    [
      ['customer.email', 'E-mail'],
      ['customer.traits.plan', 'Plan'],
      ['text', 'Body=Text'],
    ],
  );
  assert.deepEqual([...mapping.set], [['channel', 'email']]);
  assert.throws(
    () => parseMapping({ map: ['custmer.email=Email'] }),
    usageError('import_unknown_field', /Unknown field "custmer.email".*customer\.email/),
  );
  assert.throws(() => parseMapping({ set: ['properties.=x'] }), usageError('import_unknown_field', /properties\./));
  assert.throws(
    () => parseMapping({ map: ['customer.email'] }),
    usageError('import_invalid_mapping', /--map takes field=column/),
  );
  assert.throws(
    () => parseMapping({ map: ['channel=Channel'], set: ['channel=email'] }),
    usageError('import_invalid_mapping', /channel is both mapped and set/),
  );
});

test('a mapping file is checked, and flags win over it field by field', () => {
  const file = {
    name: 'mapping.json',
    content: { map: { 'customer.email': 'Email', channel: 'Channel' }, set: { 'customer.traits.vip': true } },
  };
  const mapping = parseMapping({ file, set: ['channel=chat'] });
  assert.deepEqual([...mapping.map], [['customer.email', 'Email']]);
  assert.deepEqual(
    [...mapping.set],
    [
      ['customer.traits.vip', true],
      ['channel', 'chat'],
    ],
  );
  assert.throws(
    () => parseMapping({ file: { name: 'm.json', content: { maps: {} } } }),
    usageError('import_invalid_mapping', /m\.json is not a mapping/),
  );
  assert.throws(
    () => parseMapping({ file: { name: 'm.json', content: { map: { emial: 'Email' } } } }),
    usageError('import_unknown_field', /"emial" in m\.json/),
  );
});

test('a CSV plan maps columns, keeps the rest on request and treats empty cells as absent', () => {
  const header = ['Email', 'channel', 'Body', 'Plan', 'Notes'];
  const plan = planCsv(
    header,
    parseMapping({
      map: ['customer.email=Email', 'text=Body', 'properties.Notes=Notes'],
      set: ['department=Support'],
      keepColumns: true,
    }),
  );
  assert.deepEqual(mapCsvRow(['ada@example.com ', 'chat', 'Hello', 'pro', ''], plan), {
    properties: { channel: 'chat', Plan: 'pro' },
    customer: { email: 'ada@example.com' },
    text: 'Hello',
    department: 'Support',
  });
  assert.throws(
    () => planCsv(header, parseMapping({ map: ['customer.email=Emial'] })),
    usageError('import_unknown_column', /Column "Emial".*Columns: Email, channel/),
  );
  const ignoring = planCsv(header, parseMapping({ map: ['customer.email=Email'] }));
  assert.deepEqual(mapCsvRow(['a@example.com', 'chat', 'Hello', 'pro', 'x'], ignoring), {
    customer: { email: 'a@example.com' },
  });
});

test('without mapped columns, a header that names fields maps itself', () => {
  const plan = planCsv(['customer.email', 'channel', 'text', 'Notes'], parseMapping({ set: ['channel=email'] }));
  assert.deepEqual(mapCsvRow(['ada@example.com', 'chat', 'Hi', 'x'], plan), {
    customer: { email: 'ada@example.com' },
    text: 'Hi',
    channel: 'email',
  });
});

test('a JSON Lines plan lays dot paths and constants over the object, which is a native body already', () => {
  const plan = planJson(
    parseMapping({ map: ['customer.email=user.mail', 'customer.traits.__proto__=user.plan'], set: ['channel=chat'] }),
  );
  const body = mapJsonObject({ user: { mail: 'ada@example.com', plan: 'pro' }, text: 'hi', channel: 'email' }, plan);
  assert.deepEqual(body, {
    user: { mail: 'ada@example.com', plan: 'pro' },
    text: 'hi',
    channel: 'chat',
    customer: { email: 'ada@example.com', traits: JSON.parse('{"__proto__":"pro"}') },
  });
  assert.throws(
    () => planJson(parseMapping({ keepColumns: true })),
    usageError('import_invalid_option', /--keep-columns/),
  );
});

test('a row is validated by the native schema; dates are read leniently; the raw text is the default sourceId', () => {
  const validate = createRowValidator('US', 'import');
  const raw = 'ada@example.com,chat,Hello,Tue Oct 31 22:10:47 +0000 2017';
  const outcome = validate(
    {
      customer: { email: 'ADA@example.com' },
      channel: 'chat',
      text: 'Hello',
      occurredAt: 'Tue Oct 31 22:10:47 +0000 2017',
    },
    raw,
    0,
  );
  assert.ok('event' in outcome);
  assert.equal(outcome.event.occurredAt, Date.UTC(2017, 9, 31, 22, 10, 47));
  assert.equal(outcome.event.source, 'import');
  assert.equal(outcome.event.sourceId, rawRecordKey(raw));
  assert.deepEqual(outcome.event.identities, [{ kind: 'email', value: 'ada@example.com' }]);

  assert.deepEqual(validate({ customer: { email: 'a@example.com' }, channel: 'chat', occurredAt: 'soon' }, 'x', 0), {
    errors: [{ field: 'occurredAt', reason: 'Not a date and time: soon' }],
  });
  const nobody = validate({ channel: 'chat' }, 'x', 0);
  assert.ok('errors' in nobody);
  assert.deepEqual(
    nobody.errors.map((error) => error.field),
    ['customer'],
  );
  assert.match(nobody.errors[0]!.reason, /Name the customer/);
  const mapped = validate(
    { customer: { email: 'a@example.com' }, channel: 'chat', source: 'zendesk', sourceId: '42' },
    'x',
    0,
  );
  assert.ok('event' in mapped);
  assert.deepEqual([mapped.event.source, mapped.event.sourceId], ['zendesk', '42']);
});
