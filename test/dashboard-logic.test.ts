// The dashboard's own rules, without a browser: how each metric reads (durations, shares, NPS, money, "no data"),
// its change against the previous period with better/worse, what it is counted from, the address read into
// choices and written back, the days of each period choice, and the breakdown's names and order.
// Kept beside the browser suite's logic tests because it is the web UI's code (web/src/dashboard).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countedFrom,
  directionWord,
  formatDrilledValue,
  formatDuration,
  formatMinorUnits,
  formatMetric,
  formatSpend,
  metricChange,
} from '../web/src/dashboard/metric-format.ts';
import {
  choicesFrom,
  dashboardPath,
  drillAskFrom,
  drillPath,
  periodOf,
  rangeOf,
  rangeOfPeriodRow,
} from '../web/src/dashboard/dashboard-choices.ts';
import {
  breakdownRows,
  keyLabel,
  nextSort,
  periodRowLabel,
  pointsOverTime,
  rangeLabel,
} from '../web/src/dashboard/metric-rows.ts';
import type { Metrics } from '../web/src/dashboard/metrics-api.ts';
import { landingPath } from '../web/src/landing.ts';
import { permissionsOf, type Role } from '../src/shared/roles.ts';

test('durations read in their two largest units', () => {
  assert.equal(formatDuration(4800), '1 h 20 min');
  assert.equal(formatDuration(7200), '2 h');
  assert.equal(formatDuration(345_600), '4 d');
  assert.equal(formatDuration(183_600), '2 d 3 h');
  assert.equal(formatDuration(90), '1 min 30 s');
  assert.equal(formatDuration(45), '45 s');
  assert.equal(formatDuration(0), '0 s');
  assert.equal(formatDuration(3601), '1 h', 'a second beside an hour is not worth a word');
  assert.equal(formatDuration(Number.NaN), 'no data');
});

test('every metric in its unit, and nothing to count from is "no data", never NaN', () => {
  assert.equal(formatMetric('fcr', 0.75), '75%');
  assert.equal(formatMetric('repeat_rate', 0.6667), '66.7%');
  assert.equal(formatMetric('ttfr', 1200), '20 min');
  assert.equal(formatMetric('csat', 50), '50%', 'CSAT comes as a percent already');
  assert.equal(formatMetric('nps', 12.5), '+12.5');
  assert.equal(formatMetric('nps', -20), '−20');
  assert.equal(formatMetric('nps', 0), '0');
  assert.equal(formatMetric('ces', 5.25), '5.25');
  assert.equal(formatMetric('sentiment', -0.5), '−0.50');
  assert.equal(formatMetric('cases', 1234), '1,234');
  assert.equal(formatMetric('gesture_spend', { USD: 25, EUR: 10 }), '€10.00 · $25.00');
  assert.equal(formatMetric('gesture_spend', {}), 'none');
  assert.equal(formatSpend({ JPY: 500 }), '¥500');
  for (const empty of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY])
    assert.equal(formatMetric('fcr', empty as number | null), 'no data');
});

test('a change says better or worse where lower or higher is good, more or less where neither is', () => {
  assert.deepEqual(metricChange('fcr', 0.75, 1), { text: '−25 pts', direction: 'worse', trend: 'falling' });
  assert.deepEqual(metricChange('ttfr', 1200, 600), { text: '+10 min', direction: 'worse', trend: 'rising' });
  assert.deepEqual(metricChange('ttr', 7200, 432_000), { text: '−4 d 22 h', direction: 'better', trend: 'falling' });
  assert.deepEqual(metricChange('backlog', 2, 1), { text: '+1', direction: 'worse', trend: 'rising' });
  assert.deepEqual(metricChange('repeat_rate', 0.2, 0), { text: '+20 pts', direction: 'worse', trend: 'rising' });
  // 0.06 % against 0.07 %: a move too small for one decimal is not shown as "−0 pts".
  assert.deepEqual(metricChange('repeat_rate', 0.0006, 0.0007), {
    text: '−<0.1 pts',
    direction: 'better',
    trend: 'falling',
  });
  assert.deepEqual(metricChange('negative_share', 0.1, 0.25), {
    text: '−15 pts',
    direction: 'better',
    trend: 'falling',
  });
  assert.deepEqual(metricChange('csat', 80, 60), { text: '+20 pts', direction: 'better', trend: 'rising' });
  assert.deepEqual(metricChange('nps', 10, 10), { text: '0 pts', direction: 'same', trend: 'flat' });
  assert.deepEqual(metricChange('cases', 5, 2), { text: '+3', direction: 'up', trend: 'rising' });
  assert.deepEqual(metricChange('gesture_spend', { USD: 25, EUR: 10 }, {}), {
    text: '+€10.00 · +$25.00',
    direction: 'up',
    trend: 'rising',
  });
  assert.deepEqual(metricChange('gesture_spend', { USD: 5 }, { EUR: 10 }), {
    text: '−€10.00 · +$5.00',
    direction: null,
    trend: null,
  });
  assert.equal(metricChange('fcr', 0.75, null), null, 'nothing to compare with');
  assert.equal(metricChange('fcr', null, 0.5), null);
  assert.deepEqual(
    ['better', 'worse', 'same', 'up', 'down', null].map((d) => directionWord(d as never)),
    ['better', 'worse', 'no change', 'more', 'less', ''],
  );
});

test('what a number is counted from', () => {
  assert.equal(countedFrom('fcr', 4), 'of 4 resolved cases');
  assert.equal(countedFrom('ttfr', 1), 'of 1 answered case');
  assert.equal(countedFrom('sla_attainment', 8), 'of 8 SLA targets');
  assert.equal(countedFrom('csat', undefined), 'of 0 answers');
});

test('the address: defaults when empty or unknown, a custom period only with two real days in order', () => {
  const read = (search: string) => choicesFrom(new URLSearchParams(search));
  assert.deepEqual(read(''), {
    period: '28d',
    from: '',
    to: '',
    compare: true,
    hours: 'clock',
    chart: 'cases',
    per: 'auto',
    by: 'channel',
    bar: 'cases',
  });
  assert.deepEqual(read('period=lots&chart=happiness&by=planet&per=hour'), read(''));
  assert.equal(read('from=2026-11-02&to=2026-11-15').period, 'custom');
  assert.equal(read('from=2026-11-15&to=2026-11-02').period, '28d', 'backwards is no period');
  assert.equal(read('from=2026-02-30&to=2026-03-02').period, '28d');
  const chosen = read('from=2026-11-02&to=2026-11-15&compare=off&hours=business&chart=fcr&per=week&by=team&bar=ttfr');
  assert.deepEqual(chosen, {
    period: 'custom',
    from: '2026-11-02',
    to: '2026-11-15',
    compare: false,
    hours: 'business',
    chart: 'fcr',
    per: 'week',
    by: 'team',
    bar: 'ttfr',
  });
  assert.equal(
    dashboardPath(chosen),
    '/dashboard?from=2026-11-02&to=2026-11-15&compare=off&hours=business&chart=fcr&per=week&by=team&bar=ttfr',
  );
  assert.equal(dashboardPath(read('')), '/dashboard');
  assert.equal(dashboardPath(read('period=last-month')), '/dashboard?period=last-month');
  assert.equal(read('hours=office').hours, 'clock', 'only business hours are another way of counting');
});

test('the days of each period choice, `to` the day after the last (the API’s)', () => {
  const today = '2026-12-04';
  const of = (search: string) => rangeOf(choicesFrom(new URLSearchParams(search)), today);
  assert.deepEqual(of('period=7d'), { from: '2026-11-28', to: '2026-12-05' });
  assert.deepEqual(of(''), { from: '2026-11-07', to: '2026-12-05' });
  assert.deepEqual(of('period=90d'), { from: '2026-09-06', to: '2026-12-05' });
  assert.deepEqual(of('period=this-month'), { from: '2026-12-01', to: '2026-12-05' });
  assert.deepEqual(of('period=last-month'), { from: '2026-11-01', to: '2026-12-01' });
  assert.deepEqual(rangeOf(choicesFrom(new URLSearchParams('period=last-month')), '2027-01-15'), {
    from: '2026-12-01',
    to: '2027-01-01',
  });
  assert.deepEqual(of('from=2026-11-02&to=2026-11-15'), { from: '2026-11-02', to: '2026-11-16' });
  // Automatic: days up to 35, weeks up to 182, months beyond.
  assert.equal(periodOf('auto', { from: '2026-11-02', to: '2026-11-16' }), 'day');
  assert.equal(periodOf('auto', { from: '2026-09-06', to: '2026-12-05' }), 'week');
  assert.equal(periodOf('auto', { from: '2026-01-01', to: '2026-12-05' }), 'month');
  assert.equal(periodOf('month', { from: '2026-11-02', to: '2026-11-16' }), 'month');
  // A chart's row, clipped to the period.
  const period = { from: '2026-11-04', to: '2026-11-16' };
  assert.deepEqual(rangeOfPeriodRow('2026-11-02', 'week', period), { from: '2026-11-04', to: '2026-11-09' });
  assert.deepEqual(rangeOfPeriodRow('2026-11-09', 'week', period), { from: '2026-11-09', to: '2026-11-16' });
  assert.deepEqual(rangeOfPeriodRow('2026-11-05', 'day', period), { from: '2026-11-05', to: '2026-11-06' });
  assert.deepEqual(rangeOfPeriodRow('2026-02', 'month', { from: '2026-01-01', to: '2027-01-01' }), {
    from: '2026-02-01',
    to: '2026-03-01',
  });
});

test('the drill-down’s address, both ways; sentiment leads to Trends over the same days', () => {
  const range = { from: '2026-11-02', to: '2026-11-16' };
  const path = drillPath('fcr', range, { filter: { dimension: 'reason', key: '' } });
  assert.equal(path, '/dashboard/drill?name=fcr&from=2026-11-02&to=2026-11-15&reason=');
  assert.deepEqual(drillAskFrom(new URL(path, 'http://x').searchParams), {
    ask: { name: 'fcr', from: '2026-11-02', to: '2026-11-16', filter: { dimension: 'reason', key: '' } },
  });
  assert.deepEqual(drillAskFrom(new URLSearchParams('name=ttfr&from=2026-11-02&to=2026-11-02')), {
    ask: { name: 'ttfr', from: '2026-11-02', to: '2026-11-03', filter: null },
  });
  // Business hours travel from the dashboard to the list behind a time, and back in its address.
  const business = drillPath('ttr', range, { filter: { dimension: 'team', key: 't1' }, hours: 'business' });
  assert.equal(business, '/dashboard/drill?name=ttr&from=2026-11-02&to=2026-11-15&team=t1&hours=business');
  assert.deepEqual(drillAskFrom(new URL(business, 'http://x').searchParams), {
    ask: {
      name: 'ttr',
      from: '2026-11-02',
      to: '2026-11-16',
      filter: { dimension: 'team', key: 't1' },
      hours: 'business',
    },
  });
  assert.equal(
    drillPath('negative_share', range, { timeZone: 'Europe/Berlin' }),
    '/insights/trends?from=2026-11-02&to=2026-11-15&by=sentiment&tz=Europe%2FBerlin',
  );
  assert.ok('problem' in drillAskFrom(new URLSearchParams('name=sentiment&from=2026-11-02&to=2026-11-15')));
  assert.ok('problem' in drillAskFrom(new URLSearchParams('name=fcr&from=2026-11-15&to=2026-11-02')));
});

const LABELS = { team: { t1: 'Support', t2: 'Billing' }, agent: { s1: 'Maud Manager' } };

function answerBy(dimension: string, rows: Array<[string, Record<string, number | null>]>): Metrics {
  return {
    from: '2026-11-02',
    to: '2026-11-16',
    timeZone: 'UTC',
    names: ['cases', 'fcr'],
    by: [dimension as 'team'],
    rows: rows.map(([key, values]) => ({ dimensions: { [dimension]: key }, values, counts: {} })),
    total: { values: {}, counts: {} },
    labels: LABELS,
  };
}

test('a breakdown names teams and agents, the empty value in words, and sorts with the empty ones last', () => {
  assert.equal(keyLabel('team', 't2', LABELS), 'Billing');
  assert.equal(keyLabel('agent', '', LABELS), 'Unassigned');
  assert.equal(keyLabel('agent', 'gone', LABELS), 'gone', 'an id nobody has a name for');
  assert.equal(keyLabel('reason', '', LABELS), 'No reason');
  assert.equal(keyLabel('channel', 'web_form', LABELS), 'Web form');
  const answer = answerBy('team', [
    ['', { cases: 1, fcr: null }],
    ['t1', { cases: 3, fcr: 0.5 }],
    ['t2', { cases: 2, fcr: 1 }],
  ]);
  const order = (sort: Parameters<typeof breakdownRows>[2]) =>
    breakdownRows(answer, 'team', sort).map((row) => row.label);
  assert.deepEqual(order({ column: 'cases', descending: true }), ['Support', 'Billing', 'No team']);
  assert.deepEqual(order({ column: 'fcr', descending: false }), ['Support', 'Billing', 'No team']);
  assert.deepEqual(order({ column: 'fcr', descending: true }), ['Billing', 'Support', 'No team']);
  assert.deepEqual(order({ column: 'label', descending: false }), ['Billing', 'No team', 'Support']);
  assert.deepEqual(nextSort({ column: 'cases', descending: true }, 'cases'), { column: 'cases', descending: false });
  assert.deepEqual(nextSort({ column: 'cases', descending: true }, 'label'), { column: 'label', descending: false });
  assert.deepEqual(nextSort({ column: 'label', descending: false }, 'fcr'), { column: 'fcr', descending: true });
});

test('points over time, with gaps where there was nothing to count, and their names', () => {
  const answer = answerBy('week', [
    ['2026-11-02', { cases: 3, fcr: 0.75 }],
    ['2026-11-09', { cases: 2, fcr: null }],
  ]);
  assert.deepEqual(pointsOverTime(answer, 'fcr', 'week'), [
    { period: '2026-11-02', label: 'Week of Nov 2', value: 0.75 },
    { period: '2026-11-09', label: 'Week of Nov 9', value: null },
  ]);
  assert.equal(periodRowLabel('2026-11-02', 'day'), 'Mon, Nov 2');
  assert.equal(periodRowLabel('2026-11', 'month'), 'November 2026');
  assert.equal(rangeLabel({ from: '2026-11-02', to: '2026-11-16' }), 'Nov 2, 2026 – Nov 15, 2026');
  assert.equal(rangeLabel({ from: '2026-11-02', to: '2026-11-03' }), 'Nov 2, 2026');
});

test('what one case counts in the drill-down, and gestures in their currency', () => {
  assert.equal(formatDrilledValue('ttfr', 4800), '1 h 20 min');
  assert.equal(formatDrilledValue('fcr', true), 'Yes');
  assert.equal(formatDrilledValue('reopen_rate', false), 'No');
  assert.equal(formatDrilledValue('contacts_per_case', 3), '3');
  assert.equal(formatDrilledValue('sla_attainment', '1 of 2'), '1 of 2');
  assert.equal(formatDrilledValue('cases', null), '');
  assert.equal(formatMinorUnits(2550, 'USD'), '$25.50');
  assert.equal(formatMinorUnits(500, 'JPY'), '¥500');
});

test('sign-in lands managers and admins on the dashboard, agents on their inbox, viewers on customers', () => {
  const landing = (role: Role, teamId: string | null = 't1') =>
    landingPath({ role, permissions: permissionsOf(role), teamId });
  assert.equal(landing('manager'), '/dashboard');
  assert.equal(landing('admin', null), '/dashboard');
  assert.equal(landing('agent'), '/inbox');
  assert.equal(landing('viewer'), '/');
});
