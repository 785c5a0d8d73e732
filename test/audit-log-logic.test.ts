// The audit log page's own rules, without a browser: entries put into words, who acted, what it touched,
// and the filters kept in the address. Kept with the other web-logic tests (web/src/audit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeAction, describeActor, detailsOf, targetOf } from '../web/src/audit/describe.ts';
import { auditPagePath, auditSearch, filtersFrom, NO_FILTERS, pageSizeFrom } from '../web/src/audit/filters.ts';

test('actions read as words; one this page does not know yet still reads', () => {
  assert.equal(describeAction('team.archived'), 'Archived team');
  assert.equal(describeAction('customer.viewed'), 'Viewed customer');
  assert.match(describeAction('widget.moved'), /^Moved widget$/i);
});

test('who acted: a named colleague, an id when the viewer may not know the name, the command line with its user', () => {
  const names = new Map([['stf_1', 'Mona Manager']]);
  assert.deepEqual(describeActor({ actorKind: 'staff', actorId: 'stf_1', detail: null }, names), {
    who: 'Mona Manager',
    secondary: 'Staff · stf_1',
  });
  assert.equal(describeActor({ actorKind: 'staff', actorId: 'stf_9', detail: null }, names).who, 'stf_9');
  assert.equal(
    describeActor({ actorKind: 'cli', actorId: null, detail: { osUser: 'deploy' } }, names).who,
    'Command line (deploy)',
  );
  assert.equal(describeActor({ actorKind: 'system', actorId: null, detail: null }, names).who, 'Rapport');
});

test('what an entry touched, and the rest of its detail without repeating it', () => {
  const entry = {
    customerId: null,
    detail: { target: 'team_1', input: { name: 'Night' }, osUser: 'root', changes: { a: 1 } },
  };
  assert.deepEqual(targetOf(entry), { customerId: null, caseId: null, target: 'team_1' });
  assert.deepEqual(detailsOf(entry), { input: { name: 'Night' }, other: { changes: { a: 1 } } });
  assert.deepEqual(detailsOf({ detail: null }), { input: undefined, other: null });
});

test('filters go in the address and come back from it; the default page size and empty boxes are left out', () => {
  const filters = { ...NO_FILTERS, action: 'team.archived', actorId: 'stf_1' };
  assert.equal(auditPagePath(filters, 100), '/settings/audit?actorId=stf_1&action=team.archived');
  assert.equal(auditSearch(NO_FILTERS, 100), '');
  assert.equal(auditSearch(NO_FILTERS, 20, 57), '?limit=20&before=57');
  assert.deepEqual(filtersFrom(new URLSearchParams('?action=%20team.archived%20&customerId=')), {
    ...NO_FILTERS,
    action: 'team.archived',
  });
  assert.equal(pageSizeFrom(new URLSearchParams('?limit=2')), 2);
  assert.equal(pageSizeFrom(new URLSearchParams('?limit=9999')), 100, "out of the server's range: the default");
});
