// The black-hole metric on a hand-made set whose answer is worked out below, with N = 7 days, now = day 30.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Ask, blackHoleReport } from './black-hole.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = 30 * DAY;
const ask = (source: Ask['source'], day: number, repliedAfterHours: number | null, teamId: string | null): Ask => ({
  source,
  askedAt: day * DAY,
  repliedAt: repliedAfterHours === null ? null : day * DAY + repliedAfterHours * HOUR,
  teamId,
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
  // Replies: 2 h, 216 h, 30 h, 4 h → sorted 2, 4, 30, 216 → median (4 + 30) / 2 = 17 h.
  assert.deepEqual(report.overall, { judged: 5, unanswered: 3, rate: 0.6, waiting: 1, medianReplyHours: 17 });
  assert.deepEqual(report.ideas, {
    judged: 3,
    unanswered: 2,
    rate: 2 / 3,
    waiting: 0,
    medianReplyHours: (9 * 24) / 2 + 1,
  });
  assert.deepEqual(report.surveyComments, { judged: 2, unanswered: 1, rate: 0.5, waiting: 1, medianReplyHours: 17 });
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
