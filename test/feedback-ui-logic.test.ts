// The feedback pages' own rules, without a browser: a survey score's band and scale read as the server's
// (src/feedback/model.ts), and a session's day sent as noon where it was picked.
// Kept with the browser suite because they are the web UI's code (web/src/feedback).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandOf, SCALES } from '../src/feedback/model.ts';
import { scoreBand, scoreMeaning } from '../web/src/feedback/score-band.ts';
import { heldAtOf, today } from '../web/src/feedback/held-on.ts';
import { daysFrom, healthPath, overallRow, sourceRows, teamRows, waitingLink } from '../web/src/feedback/health.ts';

test('every score of every scale is in the same band as the server says, out of the same maximum', () => {
  for (const kind of ['nps', 'csat', 'ces'] as const) {
    const { min, max } = SCALES[kind];
    for (let score = min; score <= max; score++) {
      assert.equal(scoreBand(kind, score), bandOf(kind, score), `${kind} ${score}`);
      assert.match(scoreMeaning(kind, score), new RegExp(` ${score} of ${max} · ${bandOf(kind, score)}$`));
    }
  }
  assert.equal(scoreMeaning('nps', 3), 'NPS 3 of 10 · detractor');
  assert.equal(scoreMeaning('custom', 4), 'Score 4');
  assert.equal(scoreMeaning(null, 4), 'Score 4');
});

test('a session day is sent as noon that day where it was picked; anything else is left for the server', () => {
  const sent = heldAtOf('2026-11-20');
  assert.equal(new Date(sent).getHours(), 12);
  assert.equal(new Date(sent).getDate(), 20);
  assert.equal(heldAtOf(''), '');
  assert.equal(heldAtOf('soon'), 'soon');
  assert.equal(today(new Date(2027, 0, 5, 23, 59)), '2027-01-05');
});

test('feedback health: N from the address, each row in words, named teams first, links to idea or case', () => {
  assert.equal(daysFrom(new URLSearchParams('days=14')), 14);
  assert.equal(daysFrom(new URLSearchParams('days=9')), 7, 'only the choices offered');
  assert.equal(daysFrom(new URLSearchParams('')), 7);
  assert.equal(healthPath(7), '/feedback/health');
  assert.equal(healthPath(30), '/feedback/health?days=30');
  const figures = (judged: number, unanswered: number, answered: number, median: number | null) => ({
    judged,
    unanswered,
    rate: judged ? unanswered / judged : null,
    waiting: 1,
    answered,
    medianReplyHours: median,
  });
  const metrics = {
    days: 7,
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-04-01T00:00:00.000Z',
    overall: figures(5, 3, 4, 17),
    ideas: figures(3, 2, 2, 109),
    surveyComments: figures(0, 0, 0, null),
    byTeam: [
      { ...figures(3, 2, 2, 109), teamId: null, teamName: null },
      { ...figures(2, 1, 2, 0.5), teamId: 'team_b', teamName: 'Returns' },
      { ...figures(1, 0, 1, 2), teamId: 'team_a', teamName: 'Billing' },
    ],
    stillWaiting: [],
    stillWaitingTotal: 0,
  };
  // 3 of 5 → 60%; a median of 17 hours; nothing judged → a dash.
  assert.deepEqual(overallRow(metrics), {
    key: 'all',
    name: 'All feedback',
    rate: '60% (3 of 5)',
    answered: 4,
    waiting: 1,
    median: '17 hours',
  });
  assert.deepEqual(
    sourceRows(metrics).map((row) => [row.name, row.rate, row.median]),
    [
      // 109 hours: past 48, in whole days → 5 days.
      ['Idea requests', '66.7% (2 of 3)', '5 days'],
      ['Survey comments followed up', '—', '—'],
      ['All feedback', '60% (3 of 5)', '17 hours'],
    ],
  );
  assert.deepEqual(
    teamRows(metrics).map((row) => [row.name, row.rate, row.median]),
    [
      ['Billing', '0% (0 of 1)', '2 hours'],
      ['Returns', '50% (1 of 2)', '30 min'],
      ['No team', '66.7% (2 of 3)', '5 days'],
    ],
  );
  const waiting = { source: 'idea' as const, asks: 2, oldestAskedAt: '', overdue: true, teamId: null, case: null };
  assert.deepEqual(waitingLink({ ...waiting, idea: { id: 'idea_1', number: 12, title: 'Gift wrap' } }), {
    href: '/ideas/12',
    label: 'Idea #12 Gift wrap',
  });
  assert.deepEqual(
    waitingLink({ ...waiting, source: 'survey_comment', idea: null, case: { id: 'c', number: 7, subject: 'Refund' } }),
    { href: '/cases/7', label: 'Case #7 Refund' },
  );
});
