// The journey screens' own rules, without a browser: the metrics the UI names are the server's, a saved journey
// becomes a draft and back into the same body (ids kept, lists one per line, blank matcher fields left out), numbers
// typed wrong are refused beside their field, a refusal deep in a matcher lands on the nearest field the editor
// has, and the period picked becomes the report's query.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TARGET_METRICS } from '../src/journeys/model.ts';
import { nearestField } from '../web/src/forms/problem.ts';
import { draftOf, journeyDraftSchema, journeyFieldNames, journeyRenames, listOf } from '../web/src/journeys/draft.ts';
import { METRIC_ORDER, METRICS, targetText } from '../web/src/journeys/metrics.ts';
import { mapPath, periodFrom, reportQueryOf } from '../web/src/journeys/period.ts';
import type { Journey } from '../web/src/journeys/types.ts';

test('the editor offers every metric the server measures, and only those', () => {
  assert.deepEqual([...METRIC_ORDER].sort(), [...TARGET_METRICS].sort());
  assert.deepEqual(Object.keys(METRICS).sort(), [...TARGET_METRICS].sort());
  assert.equal(
    targetText({ metric: 'first_response_minutes', comparator: 'atMost', value: 60 }),
    'First response ≤ 60 min',
  );
  assert.equal(targetText({ metric: 'csat_average', comparator: 'atLeast', value: 4.5 }), 'CSAT average ≥ 4.5');
});

const SAVED: Journey = {
  id: 'jrn_1',
  name: 'Order to door',
  description: '',
  episodeDays: 14,
  stages: [
    {
      id: 'buy',
      name: 'Buy',
      touchpoints: [
        {
          id: 'order',
          name: 'Order placed',
          matcher: { events: ['Order Completed', 'Order Placed'], direction: 'inbound' },
          targets: [{ metric: 'completion', comparator: 'atLeast', value: 90 }],
        },
        {
          id: 'help',
          name: 'Asked for help',
          matcher: { channels: ['email', 'chat'], reasons: ['delivery'], types: ['message'] },
          targets: [],
        },
      ],
    },
  ],
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  archivedAt: null,
};

test('a saved journey becomes a draft and back into the same body, ids kept', () => {
  const draft = draftOf(SAVED);
  assert.equal(draft.stages[0]!.touchpoints[0]!.matcher.events, 'Order Completed\nOrder Placed');
  assert.equal(draft.stages[0]!.touchpoints[0]!.targets[0]!.value, '90');
  const body = journeyDraftSchema().parse(draft);
  const { id: _id, createdAt: _c, updatedAt: _u, archivedAt: _a, ...asSent } = SAVED;
  assert.deepEqual(body, asSent);
});

test('a new journey: lists typed loosely, blank fields left out, numbers checked', () => {
  const draft = draftOf(null);
  assert.equal(draft.episodeDays, '30');
  const touchpoint = draft.stages[0]!.touchpoints[0]!;
  touchpoint.matcher.types = ' message,  call \n\n';
  touchpoint.matcher.pages = '/checkout\n';
  touchpoint.targets = [{ metric: 'wait_hours', comparator: 'atMost', value: '4 days' }];
  const refused = journeyDraftSchema().safeParse(draft);
  assert.ok(!refused.success);
  assert.deepEqual(
    refused.error.issues.map((issue) => issue.path.join('.')),
    ['stages.0.touchpoints.0.targets.0.value'],
  );
  touchpoint.targets[0]!.value = '96';
  const body = journeyDraftSchema().parse(draft);
  assert.deepEqual(body.stages[0]!.touchpoints[0]!.matcher, { types: ['message', 'call'], pages: ['/checkout'] });
  assert.equal(listOf(' \n '), undefined);
});

test('a refusal lands on the nearest field the editor shows, a whole group’s above its fields', () => {
  const fields = journeyFieldNames();
  const renames = journeyRenames();
  const placed = (field: string) => {
    const nearest = nearestField(field, fields)!;
    return renames[nearest] ?? nearest;
  };
  assert.equal(placed('stages.2.touchpoints.3.matcher.channels.0'), 'stages.2.touchpoints.3.matcher.channels');
  assert.equal(placed('stages.0.touchpoints.0.matcher'), 'stages.0.touchpoints.0.matcher.root');
  assert.equal(placed('stages.0.touchpoints.1.id'), 'stages.0.touchpoints.1.root');
  assert.equal(placed('stages.1.touchpoints.0.targets.9.value'), 'stages.1.touchpoints.0.targets.9.value');
  assert.equal(placed('stages'), 'stages.root');
  assert.equal(placed('episodeDays'), 'episodeDays');
});

test('the period picked becomes the report’s query, `to` the day after the last one shown', () => {
  assert.deepEqual(reportQueryOf(periodFrom(new URLSearchParams()), '2026-12-04', 'Europe/Berlin'), {
    from: '2026-11-05',
    to: '2026-12-05',
    tz: 'Europe/Berlin',
  });
  const custom = periodFrom(new URLSearchParams('from=2026-10-01&to=2026-10-31'));
  assert.deepEqual(reportQueryOf(custom, '2026-12-04', 'UTC'), { from: '2026-10-01', to: '2026-11-01', tz: 'UTC' });
  assert.equal(mapPath('jrn_1', custom), '/journeys/jrn_1?from=2026-10-01&to=2026-10-31');
  assert.equal(mapPath('jrn_1', periodFrom(new URLSearchParams('period=90d'))), '/journeys/jrn_1?period=90d');
  assert.equal(mapPath('jrn_1', periodFrom(new URLSearchParams('period=7y'))), '/journeys/jrn_1');
});
