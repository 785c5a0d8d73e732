// Feedback health: the black-hole figures (black-hole.ts) of the asks made in a period, overall, per source and per
// team (by name), and what still waits for a personal reply, each linked to the idea or case where it is answered.
import type { Db } from '../store/db.ts';
import { firstResponsesOf } from '../cases/index.ts';
import { findTeam } from '../teams/index.ts';
import { type Ask, blackHoleReport, stillWaiting } from './black-hole.ts';
import { ideaAsksBetween, ideaLinksOf } from './idea-store.ts';
import { followedUpCommentsBetween } from './store.ts';

/** A page of what waits is enough to act on; the total says how many more there are. */
const WAITING_LISTED = 100;

export async function feedbackHealth(db: Db, period: { days: number; from: number; to: number }, now = Date.now()) {
  const ideaAsks = await ideaAsksBetween(db, period.from, period.to);
  const comments = await followedUpCommentsBetween(db, period.from, period.to);
  const cases = await firstResponsesOf(
    db,
    comments.map((comment) => comment.followUpCaseId),
  );
  const asks: Ask[] = [
    ...ideaAsks.map((ask) => ({
      source: 'idea' as const,
      askedAt: ask.askedAt,
      repliedAt: ask.repliedAt,
      teamId: null,
      about: { kind: 'idea' as const, id: ask.ideaId },
    })),
    ...comments.map((comment) => {
      const followUp = cases.get(comment.followUpCaseId);
      return {
        source: 'survey_comment' as const,
        askedAt: comment.askedAt,
        repliedAt: followUp?.firstResponseAt ?? null,
        teamId: followUp?.teamId ?? null,
        about: { kind: 'case' as const, id: comment.followUpCaseId },
      };
    }),
  ];
  const report = blackHoleReport(asks, period.days, now);
  const byTeam = [];
  for (const team of report.byTeam) {
    byTeam.push({ ...team, teamName: team.teamId ? ((await findTeam(db, team.teamId))?.name ?? null) : null });
  }
  const waiting = stillWaiting(asks, period.days, now, WAITING_LISTED);
  const ideas = await ideaLinksOf(
    db,
    waiting.items.flatMap((item) => (item.about.kind === 'idea' ? [item.about.id] : [])),
  );
  return {
    ...report,
    byTeam,
    stillWaiting: waiting.items.map((item) => {
      const followUp = item.about.kind === 'case' ? cases.get(item.about.id) : undefined;
      return {
        source: item.source,
        asks: item.asks,
        oldestAskedAt: new Date(item.oldestAskedAt).toISOString(),
        overdue: item.overdue,
        teamId: item.teamId,
        idea: item.about.kind === 'idea' ? (ideas.get(item.about.id) ?? null) : null,
        case:
          item.about.kind === 'case' && followUp
            ? { id: item.about.id, number: followUp.number, subject: followUp.subject }
            : null,
      };
    }),
    stillWaitingTotal: waiting.total,
  };
}
