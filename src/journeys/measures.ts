// What customers actually went through, measured from their episodes: per touchpoint (episodes, drop-off, wait,
// first response, resolution, scores, contacts, completion, sentiment), each target's gap to what was intended, and
// the journey overall (completion, duration, the gaps worst first, the bottlenecks). Pure: the store reads.
import { type Comparator, type Episode, type JourneyStage, placedTouchpoints, type TargetMetric } from './model.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** What the measures read of a case the touchpoint's interactions opened or joined. */
export interface CaseFacts {
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
}

/** A survey answer's final score, by its invitation; `caseId` is the case it was about, if any. */
export interface Answer {
  invitationId: string;
  caseId: string | null;
  kind: 'nps' | 'csat' | 'ces' | 'custom';
  score: number;
}

export interface Evidence {
  cases: ReadonlyMap<string, CaseFacts>;
  answers: readonly Answer[];
}

export interface TargetResult {
  metric: TargetMetric;
  comparator: Comparator;
  intended: number;
  /** null when there was nothing to measure (no case answered, no score given). */
  actual: number | null;
  /** Signed so that more than 0 is worse than intended. */
  gap: number | null;
  /** gap ÷ |intended|; null without an actual, or when 0 was intended. */
  relativeGap: number | null;
  met: boolean | null;
}

export interface TouchpointMeasure {
  touchpointId: string;
  name: string;
  stageId: string;
  stage: string;
  /** Episodes that reached it. */
  episodes: number;
  /** % of those whose last touchpoint it was, without completing the journey. */
  dropOff: number | null;
  /** Hours from the episode's previous interaction to its first here (median over episodes that came from one). */
  medianWait: number | null;
  measures: Record<TargetMetric, number | null>;
  targets: TargetResult[];
}

export interface GapEntry extends TargetResult {
  touchpointId: string;
  touchpoint: string;
  stage: string;
}

export interface JourneyMeasure {
  stages: Array<{ stageId: string; name: string; episodes: number }>;
  touchpoints: TouchpointMeasure[];
  overall: {
    episodes: number;
    completed: number;
    completionRate: number | null;
    /** Hours from an episode's first interaction to its last. */
    medianDuration: number | null;
    gaps: GapEntry[];
    bottlenecks: {
      dropOff: { touchpointId: string; touchpoint: string; stage: string; dropOff: number; dropped: number } | null;
      wait: { touchpointId: string; touchpoint: string; stage: string; medianWait: number } | null;
    };
  };
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

const percent = (part: number, whole: number) => (whole ? (part / whole) * 100 : null);

/** NPS as domain.md defines it: % promoters (9–10) − % detractors (0–6). */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (!scores.length) return null;
  return percent(scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length, scores.length);
}

/** CSAT as domain.md defines it: % of answers of 4–5 on 1–5. */
export function satisfactionScore(scores: readonly number[]): number | null {
  return percent(scores.filter((score) => score >= 4).length, scores.length);
}

/** Three decimals are plenty for minutes, hours, percentages and scores, and keep 0.1 + 0.2 from showing. */
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/** A target against what was measured: the gap signed so that positive is worse than intended. */
export function judge(target: { metric: TargetMetric; comparator: Comparator; value: number }, actual: number | null) {
  const { metric, comparator, value: intended } = target;
  if (actual === null) return { metric, comparator, intended, actual, gap: null, relativeGap: null, met: null };
  const gap = comparator === 'atMost' ? actual - intended : intended - actual;
  return {
    metric,
    comparator,
    intended,
    actual: rounded(actual),
    gap: rounded(gap),
    relativeGap: intended === 0 ? null : rounded(gap / Math.abs(intended)),
    met: gap <= 0,
  };
}

/** Worst first: the largest relative gap (a miss of a 0 target counts as the largest), then the largest gap. */
export function worstFirst(a: TargetResult, b: TargetResult): number {
  const relative = (result: TargetResult) => result.relativeGap ?? Number.POSITIVE_INFINITY;
  return relative(b) - relative(a) || (b.gap ?? 0) - (a.gap ?? 0);
}

/** What one touchpoint saw across the episodes, before it is judged. */
interface Tally {
  episodes: number;
  droppedHere: number;
  wentOn: number;
  contacts: number;
  waits: number[];
  cases: Set<string>;
  invitations: Set<string>;
  sentiments: number[];
}

/** Measures a journey over its episodes (those that started in the period) and what their cases and answers say. */
export function measureJourney(
  stages: readonly JourneyStage[],
  episodes: readonly Episode[],
  evidence: Evidence,
): JourneyMeasure {
  const touchpoints = placedTouchpoints(stages);
  const lastStage = stages.length - 1;
  const tallies: Tally[] = touchpoints.map(() => ({
    episodes: 0,
    droppedHere: 0,
    wentOn: 0,
    contacts: 0,
    waits: [],
    cases: new Set(),
    invitations: new Set(),
    sentiments: [],
  }));
  const stageEpisodes = stages.map(() => 0);
  const durations: number[] = [];
  let completed = 0;

  for (const episode of episodes) {
    const { visits } = episode;
    const stageOf = (visit: (typeof visits)[number]) => touchpoints[visit.touchpoint]!.stageIndex;
    const reachedStages = new Set(visits.map(stageOf));
    for (const stage of reachedStages) stageEpisodes[stage]! += 1;
    const isCompleted = reachedStages.has(lastStage);
    if (isCompleted) completed += 1;
    durations.push(visits[visits.length - 1]!.at - visits[0]!.at);
    const lastTouchpoint = visits[visits.length - 1]!.touchpoint;
    // The furthest stage reached after each visit, so "went on to a later stage" is one look per touchpoint.
    const furthestAfter: number[] = new Array(visits.length).fill(-1);
    for (let position = visits.length - 2; position >= 0; position -= 1) {
      furthestAfter[position] = Math.max(furthestAfter[position + 1]!, stageOf(visits[position + 1]!));
    }
    const seen = new Set<number>();
    visits.forEach((visit, position) => {
      const tally = tallies[visit.touchpoint]!;
      if (!seen.has(visit.touchpoint)) {
        seen.add(visit.touchpoint);
        tally.episodes += 1;
        if (position > 0) tally.waits.push(visit.at - visits[position - 1]!.at);
        // Went on: a later stage reached after arriving here.
        if (furthestAfter[position]! > stageOf(visit)) tally.wentOn += 1;
        if (visit.touchpoint === lastTouchpoint && !isCompleted) tally.droppedHere += 1;
      }
      if (visit.inbound) {
        tally.contacts += 1;
        if (visit.sentimentScore !== null) tally.sentiments.push(visit.sentimentScore);
      }
      if (visit.caseId !== null) tally.cases.add(visit.caseId);
      if (visit.invitationId !== null) tally.invitations.add(visit.invitationId);
    });
  }

  const measured = touchpoints.map((placed, index): TouchpointMeasure => {
    const tally = tallies[index]!;
    const measures = measuresOf(tally, evidence, {
      completion:
        placed.stageIndex === lastStage
          ? percent(tally.episodes, episodes.length)
          : percent(tally.wentOn, tally.episodes),
    });
    return {
      touchpointId: placed.touchpoint.id,
      name: placed.touchpoint.name,
      stageId: placed.stage.id,
      stage: placed.stage.name,
      episodes: tally.episodes,
      dropOff: rounded(percent(tally.droppedHere, tally.episodes)),
      medianWait: rounded(measures.wait_hours),
      measures: Object.fromEntries(
        Object.entries(measures).map(([metric, value]) => [metric, rounded(value)]),
      ) as Record<TargetMetric, number | null>,
      targets: placed.touchpoint.targets.map((target) => judge(target, measures[target.metric])),
    };
  });

  return {
    stages: stages.map((stage, index) => ({ stageId: stage.id, name: stage.name, episodes: stageEpisodes[index]! })),
    touchpoints: measured,
    overall: {
      episodes: episodes.length,
      completed,
      completionRate: rounded(percent(completed, episodes.length)),
      medianDuration: rounded(median(durations) === null ? null : median(durations)! / HOUR_MS),
      gaps: measured
        .flatMap((touchpoint) =>
          touchpoint.targets
            .filter((target) => target.met === false)
            .map((target) => ({
              ...target,
              touchpointId: touchpoint.touchpointId,
              touchpoint: touchpoint.name,
              stage: touchpoint.stage,
            })),
        )
        .sort(worstFirst),
      bottlenecks: bottlenecksOf(measured, tallies),
    },
  };
}

/** Every metric at one touchpoint; `completion` depends on its place in the journey, so the caller works it out. */
function measuresOf(
  tally: Tally,
  evidence: Evidence,
  placed: { completion: number | null },
): Record<TargetMetric, number | null> {
  const cases = [...tally.cases].flatMap((id) => {
    const facts = evidence.cases.get(id);
    return facts ? [facts] : [];
  });
  const answers = evidence.answers.filter(
    (answer) =>
      tally.invitations.has(answer.invitationId) || (answer.caseId !== null && tally.cases.has(answer.caseId)),
  );
  const scores = (kind: Answer['kind']) => answers.filter((answer) => answer.kind === kind).map((a) => a.score);
  const waitHours = median(tally.waits);
  return {
    first_response_minutes: median(
      cases.flatMap((c) => (c.firstResponseAt === null ? [] : [(c.firstResponseAt - c.openedAt) / MINUTE_MS])),
    ),
    resolution_hours: median(
      cases.flatMap((c) => (c.resolvedAt === null ? [] : [(c.resolvedAt - c.openedAt) / HOUR_MS])),
    ),
    csat: satisfactionScore(scores('csat')),
    csat_average: mean(scores('csat')),
    nps: netPromoterScore(scores('nps')),
    ces: mean(scores('ces')),
    contacts: tally.episodes ? tally.contacts / tally.episodes : null,
    completion: placed.completion,
    wait_hours: waitHours === null ? null : waitHours / HOUR_MS,
    sentiment: mean(tally.sentiments),
  };
}

/** Where customers drop off most, and where they wait longest; null when nobody dropped off or waited. */
function bottlenecksOf(measured: readonly TouchpointMeasure[], tallies: readonly Tally[]) {
  let dropOff: JourneyMeasure['overall']['bottlenecks']['dropOff'] = null;
  let wait: JourneyMeasure['overall']['bottlenecks']['wait'] = null;
  measured.forEach((touchpoint, index) => {
    const where = { touchpointId: touchpoint.touchpointId, touchpoint: touchpoint.name, stage: touchpoint.stage };
    const dropped = tallies[index]!.droppedHere;
    if (touchpoint.dropOff !== null && dropped > 0) {
      // Ties go to the touchpoint that lost more episodes, then to the earlier one.
      if (
        !dropOff ||
        touchpoint.dropOff > dropOff.dropOff ||
        (touchpoint.dropOff === dropOff.dropOff && dropped > dropOff.dropped)
      ) {
        dropOff = { ...where, dropOff: touchpoint.dropOff, dropped };
      }
    }
    if (
      touchpoint.medianWait !== null &&
      touchpoint.medianWait > 0 &&
      (!wait || touchpoint.medianWait > wait.medianWait)
    ) {
      wait = { ...where, medianWait: touchpoint.medianWait };
    }
  });
  return { dropOff, wait };
}
