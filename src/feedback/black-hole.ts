// The black-hole metric (domain.md): of the feedback that asks for an answer — every idea request, and every survey
// comment the company chose to follow up — the share that got no personal reply within N days, and the median
// time to one. Asks younger than N days have not had their chance yet: they are waiting, not lost. Pure.
import { DAY_MS } from '../shared/time.ts';

export interface Ask {
  source: 'idea' | 'survey_comment';
  askedAt: number;
  /** The first personal reply at or after the ask; null while none. */
  repliedAt: number | null;
  /** The team that owns the answer (a follow-up case's team); null for ideas, which no team owns. */
  teamId: string | null;
  /** Where it is answered: the idea asked for, or the follow-up case of a survey comment. */
  about: AskAbout;
}

export type AskAbout = { kind: 'idea'; id: string } | { kind: 'case'; id: string };

export interface BlackHoleFigures {
  /** Asks old enough to judge: N days have passed since each. */
  judged: number;
  /** Of those, no personal reply within N days. */
  unanswered: number;
  /** unanswered / judged; null when nothing is old enough. */
  rate: number | null;
  /** Asks younger than N days without a reply yet. */
  waiting: number;
  /** Asks with a personal reply, at any time (the median is over these). */
  answered: number;
  /** Median hours from ask to personal reply, over the asks answered (at any time); null when none is. */
  medianReplyHours: number | null;
}

export function blackHoleFigures(asks: readonly Ask[], days: number, now: number): BlackHoleFigures {
  const window = days * DAY_MS;
  const judged = asks.filter((ask) => now - ask.askedAt >= window);
  const unanswered = judged.filter((ask) => ask.repliedAt === null || ask.repliedAt - ask.askedAt > window);
  const waiting = asks.filter((ask) => now - ask.askedAt < window && ask.repliedAt === null).length;
  const waits = asks
    .filter((ask) => ask.repliedAt !== null)
    .map((ask) => (ask.repliedAt! - ask.askedAt) / 3_600_000)
    .sort((a, b) => a - b);
  return {
    judged: judged.length,
    unanswered: unanswered.length,
    rate: judged.length ? unanswered.length / judged.length : null,
    waiting,
    answered: waits.length,
    medianReplyHours: median(waits),
  };
}

function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The figures overall, per source and per team (ideas under no team). */
export function blackHoleReport(asks: readonly Ask[], days: number, now: number) {
  const teams = new Map<string | null, Ask[]>();
  for (const ask of asks) teams.set(ask.teamId, [...(teams.get(ask.teamId) ?? []), ask]);
  return {
    overall: blackHoleFigures(asks, days, now),
    ideas: blackHoleFigures(
      asks.filter((ask) => ask.source === 'idea'),
      days,
      now,
    ),
    surveyComments: blackHoleFigures(
      asks.filter((ask) => ask.source === 'survey_comment'),
      days,
      now,
    ),
    byTeam: [...teams].map(([teamId, teamAsks]) => ({ teamId, ...blackHoleFigures(teamAsks, days, now) })),
  };
}

/** An idea or a case with asks on it that no personal reply has answered yet. */
export interface WaitingItem {
  source: Ask['source'];
  about: AskAbout;
  teamId: string | null;
  /** How many asks on it wait (an idea may have many requesters). */
  asks: number;
  oldestAskedAt: number;
  /** The oldest waits longer than N days already: it counts in the black-hole rate. */
  overdue: boolean;
}

/** What still waits for a personal reply, by idea or case, the longest waiting first; at most `limit` of them. */
export function stillWaiting(
  asks: readonly Ask[],
  days: number,
  now: number,
  limit: number,
): { items: WaitingItem[]; total: number } {
  const byPlace = new Map<string, WaitingItem>();
  for (const ask of asks) {
    if (ask.repliedAt !== null) continue;
    const key = `${ask.about.kind}:${ask.about.id}`;
    const item = byPlace.get(key);
    if (item) {
      item.asks++;
      item.oldestAskedAt = Math.min(item.oldestAskedAt, ask.askedAt);
    } else {
      byPlace.set(key, {
        source: ask.source,
        about: ask.about,
        teamId: ask.teamId,
        asks: 1,
        oldestAskedAt: ask.askedAt,
        overdue: false,
      });
    }
  }
  const items = [...byPlace.values()]
    .map((item) => ({ ...item, overdue: now - item.oldestAskedAt >= days * DAY_MS }))
    .sort((a, b) => a.oldestAskedAt - b.oldestAskedAt || a.about.id.localeCompare(b.about.id));
  return { items: items.slice(0, limit), total: items.length };
}
