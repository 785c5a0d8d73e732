// The black-hole metric on a hand-made set whose answer is worked out below, with N = 7 days, now = day 30.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Ask, blackHoleReport, stillWaiting } from './black-hole.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = 30 * DAY;
let asked = 0;
const ask = (
  source: Ask['source'],
  day: number,
  repliedAfterHours: number | null,
  teamId: string | null,
  about: Ask['about'] = { kind: source === 'idea' ? 'idea' : 'case', id: `${source}-${++asked}` },
): Ask => ({
  source,
  askedAt: day * DAY,
  repliedAt: repliedAfterHours === null ? null : day * DAY + repliedAfterHours * HOUR,
  teamId,
  about,
});

test('of the asks old enough, the share with no personal reply within 7 days; the median time to a reply', () => {
  const asks = [
    ask('idea', 1, 2, null), // answered in 2 h
    ask('idea', 2, null, null), // never: a black hole
    ask('idea', 3, 9 * 24, null), // answered after 9 days: too late, a black hole
    ask('survey_comment', 10, 30, 'team_a'), // answered in 30 h
    ask('survey_comment', 12, null, 'team_a'), // never: a black hole
    ask('survey_comment', 27, null, 'team_b'), // 3 days old: waiting, not judged
    ask('survey_comment', 28, 4, 'team_b'), // answered in 4 h, not yet judged
  ];
  const report = blackHoleReport(asks, 7, now);
  // Judged: the five asked by day 23. Unanswered within 7 days: days 2, 3 and 12 → 3 / 5.
  // Replies: 2 h, 216 h, 30 h, 4 h → 4 answered; sorted 2, 4, 30, 216 → median (4 + 30) / 2 = 17 h.
  assert.deepEqual(report.overall, {
    judged: 5,
    unanswered: 3,
    rate: 0.6,
    waiting: 1,
    answered: 4,
    medianReplyHours: 17,
  });
  // Ideas: replies 2 h and 216 h → median (2 + 216) / 2 = 109 h.
  assert.deepEqual(report.ideas, {
    judged: 3,
    unanswered: 2,
    rate: 2 / 3,
    waiting: 0,
    answered: 2,
    medianReplyHours: (9 * 24) / 2 + 1,
  });
  // Survey comments: replies 30 h and 4 h → median 17 h.
  assert.deepEqual(report.surveyComments, {
    judged: 2,
    unanswered: 1,
    rate: 0.5,
    waiting: 1,
    answered: 2,
    medianReplyHours: 17,
  });
  assert.deepEqual(
    report.byTeam.map((team) => [team.teamId, team.judged, team.unanswered, team.waiting]),
    [
      [null, 3, 2, 0],
      ['team_a', 2, 1, 0],
      ['team_b', 0, 0, 1],
    ],
  );
  assert.equal(report.byTeam[2]!.rate, null, 'nothing old enough to judge');
});

test('what still waits, by idea or case, the longest waiting first, past N days marked overdue', () => {
  const gift = { kind: 'idea', id: 'idea-gift' } as const;
  const asks = [
    ask('idea', 25, null, null, gift), // 5 days old: waiting
    ask('idea', 20, null, null, gift), // 10 days old, same idea: the idea's oldest wait, overdue
    ask('idea', 21, 3, null, gift), // answered: not waiting
    ask('survey_comment', 27, null, 'team_b', { kind: 'case', id: 'case-7' }), // 3 days old
    ask('survey_comment', 12, 30, 'team_a', { kind: 'case', id: 'case-3' }), // answered
    ask('idea', 29, null, null, { kind: 'idea', id: 'idea-wrap' }), // 1 day old
  ];
  const { items, total } = stillWaiting(asks, 7, now, 2);
  // Waiting: the gift idea (2 asks, oldest day 20), case-7 (day 27), the wrap idea (day 29) → 3, oldest first.
  assert.equal(total, 3);
  assert.deepEqual(
    items.map((item) => [item.about.id, item.asks, item.oldestAskedAt / DAY, item.overdue, item.teamId]),
    [
      ['idea-gift', 2, 20, true, null],
      ['case-7', 1, 27, false, 'team_b'],
    ],
    'at most the limit, the longest waiting first',
  );
});
