// The projection lag in words, without a browser: what the Shell says when customer data is behind or paused,
// and how the audit log reads an admin's pause and resume. Kept with the other web-logic tests (web/src).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsWaiting, howFarBehind, lagNotice } from '../web/src/projection-lag.ts';
import { describeAction, describeEntry, KNOWN_ACTIONS } from '../web/src/audit/describe.ts';

test('a lag under five seconds is no news; above it, how far behind and how many wait', () => {
  assert.equal(lagNotice({ lagSeconds: 0, backlog: 0, paused: false }), null);
  assert.equal(lagNotice({ lagSeconds: 4.9, backlog: 120, paused: false }), null);
  assert.equal(
    lagNotice({ lagSeconds: 12.4, backlog: 340, paused: false }),
    'Customer data is 12 s behind: 340 events waiting',
  );
  assert.equal(
    lagNotice({ lagSeconds: 185, backlog: 1250, paused: false }),
    'Customer data is about 3 min behind: 1,250 events waiting',
  );
});

test('paused is always said, however short the lag, with what waits', () => {
  assert.equal(
    lagNotice({ lagSeconds: 0, backlog: 0, paused: true }),
    'Updates from tracked sources are paused by an admin: no events waiting',
  );
  assert.equal(
    lagNotice({ lagSeconds: 2, backlog: 1, paused: true }),
    'Updates from tracked sources are paused by an admin: 1 event waiting',
  );
});

test('seconds up to 90, then minutes, then hours', () => {
  assert.equal(howFarBehind(5), '5 s');
  assert.equal(howFarBehind(89.4), '89 s');
  assert.equal(howFarBehind(90), 'about 2 min');
  assert.equal(howFarBehind(89 * 60), 'about 89 min');
  assert.equal(howFarBehind(90 * 60), 'about 2 h');
  assert.equal(eventsWaiting(2), '2 events waiting');
});

test('the audit log says whether an admin paused or resumed processing; the filter names both', () => {
  assert.ok(KNOWN_ACTIONS.includes('ingest.projector_changed'));
  assert.equal(describeAction('ingest.projector_changed'), 'Paused or resumed event processing');
  const change = (input: unknown) => ({ action: 'ingest.projector_changed', detail: { input } });
  assert.equal(describeEntry(change({ paused: true })), 'Paused event processing');
  assert.equal(describeEntry(change({ paused: false })), 'Resumed event processing');
  assert.equal(describeEntry(change(null)), 'Paused or resumed event processing');
  assert.equal(describeEntry({ action: 'team.archived', detail: null }), 'Archived team');
});
