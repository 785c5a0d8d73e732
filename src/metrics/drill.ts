// The cases, answers or gestures behind a number: read by the same facts the cells were counted from, so the list
// a manager opens from "first-contact resolution 62 %" is exactly the cases that made it.
import { recordView } from '../audit/index.ts';
import { type Actor, auditActor } from '../shared/actor.ts';
import type { Db } from '../store/db.ts';
import {
  type CaseFact,
  caseFact,
  CELL_OF,
  type Dimension,
  type Dimensions,
  type MetricName,
  sourceOf,
} from './model.ts';
import { businessClock, dayStartIn, localDayIn, metricsTimeZone, refreshMetrics } from './refresh.ts';
import {
  answerDetails,
  answerIdsBetween,
  caseIdsFiledBetween,
  caseRows,
  caseSummaries,
  flagsOf,
  gestureDetails,
  gestureRows,
  issuedGestureIdsBetween,
  responseRows,
} from './store.ts';

export interface DrillQuery {
  name: MetricName;
  fromDay: number;
  toDay: number;
  filter: { dimension: Dimension; key: string } | null;
  businessHours?: boolean;
  /** How many to list (default 500); `total` counts all whatever it is. */
  limit?: number;
}

export interface DrilledCase {
  id: string;
  number: number;
  subject: string;
  status: string;
  channel: string;
  teamId: string | null;
  assigneeId: string | null;
  reason: string | null;
  openedAt: string;
  /** What the case counts in this metric: seconds, yes/no, contacts, SLA targets met of decided. */
  value: number | boolean | string | null;
}

export interface DrilledResponse {
  invitationId: string;
  customerId: string;
  caseId: string | null;
  survey: string;
  score: number;
  comment: string | null;
  answeredAt: string;
}

export interface DrilledGesture {
  id: string;
  customerId: string;
  caseId: string | null;
  kind: string;
  amount: number;
  currency: string;
  issuedBy: string;
  issuedAt: string;
}

export type Drilled =
  | { source: 'case'; total: number; cases: DrilledCase[] }
  | { source: 'response'; total: number; responses: DrilledResponse[] }
  | { source: 'gesture'; total: number; gestures: DrilledGesture[] };

const SHOWN = 500;
export const METRIC_ANSWERS_VIEWED = 'metrics.answers.viewed';

export async function drillInto(db: Db, query: DrillQuery, actor: Actor): Promise<Drilled> {
  await refreshMetrics(db);
  const zone = await metricsTimeZone(db);
  const dayOf = localDayIn(zone);
  const from = dayStartIn(zone, query.fromDay);
  const to = dayStartIn(zone, query.toDay);
  const inRange = (day: number | null) => day !== null && day >= query.fromDay && day < query.toDay;
  const matches = (dims: Dimensions) => {
    if (!query.filter) return true;
    const { dimension, key } = query.filter;
    return dimension === 'segment' ? dims.segments.includes(key) : dims[dimension] === key;
  };
  const source = sourceOf(query.name);
  if (source === 'case') return drillCases(db, query, { from, to, dayOf, inRange, matches });
  if (source === 'response') {
    const survey = CELL_OF[query.name].replace('survey:', '');
    const kinds = query.name === 'responses' ? ['nps', 'csat', 'ces'] : [survey];
    const rows = await responseRows(db, await answerIdsBetween(db, from, to, kinds));
    const flags = await flagsOf(
      db,
      rows.map((row) => row.customer_id),
    );
    const kept = rows.filter((row) => matches(dimensionsOf(row, flags.get(row.customer_id) ?? [])));
    const shown = kept.sort((a, b) => b.answered_at - a.answered_at).slice(0, query.limit ?? SHOWN);
    const detail = await answerDetails(
      db,
      shown.map((row) => row.id),
    );
    // Their words are shown: each customer's view is in the audit trail, as on the trends page.
    for (const customerId of new Set(shown.filter((row) => detail.get(row.id)?.comment).map((row) => row.customer_id)))
      await recordView(db, {
        ...auditActor(actor),
        action: METRIC_ANSWERS_VIEWED,
        customerId,
        detail: { metric: query.name, shownIn: 'metrics' },
      });
    return {
      source: 'response',
      total: kept.length,
      responses: shown.map((row) => ({
        invitationId: row.id,
        customerId: row.customer_id,
        caseId: detail.get(row.id)?.case_id ?? null,
        survey: row.kind,
        score: row.score ?? 0,
        comment: detail.get(row.id)?.comment ?? null,
        answeredAt: new Date(row.answered_at).toISOString(),
      })),
    };
  }
  if (source === 'gesture') {
    const rows = await gestureRows(db, await issuedGestureIdsBetween(db, from, to));
    const flags = await flagsOf(
      db,
      rows.map((row) => row.customer_id),
    );
    const kept = rows.filter(
      (row) =>
        inRange(dayOf(row.issued_at)) &&
        matches({ ...dimensionsOf(row, flags.get(row.customer_id) ?? []), agent: row.issued_by }),
    );
    const kinds = await gestureDetails(
      db,
      kept.map((row) => row.id),
    );
    return {
      source: 'gesture',
      total: kept.length,
      gestures: kept
        .sort((a, b) => b.issued_at - a.issued_at)
        .slice(0, query.limit ?? SHOWN)
        .map((row) => ({
          id: row.id,
          customerId: row.customer_id,
          caseId: kinds.get(row.id)?.case_id ?? null,
          kind: kinds.get(row.id)?.kind ?? 'credit',
          amount: row.amount,
          currency: row.currency,
          issuedBy: row.issued_by,
          issuedAt: new Date(row.issued_at).toISOString(),
        })),
    };
  }
  throw new Error(`${query.name} has no list behind it`);
}

function dimensionsOf(
  row: {
    channel: string | null;
    team_id: string | null;
    assignee_id: string | null;
    reason: string | null;
    priority: string | null;
  },
  segments: string[],
): Dimensions {
  return {
    channel: row.channel ?? '',
    team: row.team_id ?? '',
    agent: row.assignee_id ?? '',
    reason: row.reason ?? '',
    priority: row.priority ?? '',
    segments,
  };
}

interface CaseScope {
  from: number;
  to: number;
  dayOf: (ms: number) => number;
  inRange: (day: number | null) => boolean;
  matches: (dims: Dimensions) => boolean;
}

/** Whether a case counts in the metric over the range, and what it counts there. */
function caseCounts(
  name: MetricName,
  fact: CaseFact,
  scope: CaseScope,
  toDay: number,
  businessHours: boolean,
): { counts: boolean; value: DrilledCase['value'] } {
  switch (CELL_OF[name]) {
    case 'opened':
      return { counts: scope.inRange(fact.openedDay), value: name === 'repeat_rate' ? fact.repeat : null };
    case 'ttfr':
      return {
        counts: scope.inRange(fact.openedDay) && fact.ttfr !== null,
        value: businessHours ? fact.ttfrBusiness : fact.ttfr,
      };
    case 'sla':
      return {
        counts: scope.inRange(fact.openedDay) && fact.slaDecided > 0,
        value: `${fact.slaMet} of ${fact.slaDecided}`,
      };
    case 'ttr':
      return {
        counts: scope.inRange(fact.resolvedDay) && fact.ttr !== null,
        value: businessHours ? fact.ttrBusiness : fact.ttr,
      };
    case 'resolved': {
      const value =
        name === 'fcr'
          ? fact.firstContactResolution
          : name === 'reopen_rate'
            ? fact.reopened
            : name === 'contacts_per_case'
              ? fact.contacts
              : null;
      return { counts: scope.inRange(fact.resolvedDay), value };
    }
    case 'backlog':
      return { counts: fact.openedDay < toDay && (fact.leftDay === null || fact.leftDay >= toDay), value: null };
    default:
      return { counts: false, value: null };
  }
}

async function drillCases(db: Db, query: DrillQuery, scope: CaseScope): Promise<Drilled> {
  const cell = CELL_OF[query.name];
  // Candidates by the time the metric files a case under, through the cases' time indexes.
  const by = cell === 'ttr' || cell === 'resolved' ? 'resolved' : cell === 'backlog' ? 'open' : 'opened';
  const candidates = await caseIdsFiledBetween(db, by, scope.from, scope.to);
  const rows = (await caseRows(db, candidates)).filter((row) => row.absorbed === 0);
  const flags = await flagsOf(
    db,
    rows.map((row) => row.customer_id),
  );
  const clockOf = await businessClock(db);
  const kept: Array<{ id: string; openedAt: number; value: DrilledCase['value'] }> = [];
  for (const row of rows) {
    const fact = caseFact(row, flags.get(row.customer_id) ?? [], scope.dayOf, clockOf(row.team_id));
    if (!scope.matches(fact)) continue;
    const { counts, value } = caseCounts(query.name, fact, scope, query.toDay, query.businessHours ?? false);
    if (counts) kept.push({ id: row.id, openedAt: row.opened_at, value });
  }
  // Durations longest first (the ones to read), then newest first.
  kept.sort(
    (a, b) =>
      (typeof a.value === 'number' && typeof b.value === 'number' ? b.value - a.value : 0) || b.openedAt - a.openedAt,
  );
  const shown = kept.slice(0, query.limit ?? SHOWN);
  const details = await caseSummaries(
    db,
    shown.map((row) => row.id),
  );
  return {
    source: 'case',
    total: kept.length,
    cases: shown.flatMap((row) => {
      const c = details.get(row.id);
      return c
        ? [
            {
              id: c.id,
              number: c.number,
              subject: c.subject,
              status: c.status,
              channel: c.channel,
              teamId: c.team_id,
              assigneeId: c.assignee_id,
              reason: c.reason,
              openedAt: new Date(c.opened_at).toISOString(),
              value: row.value,
            },
          ]
        : [];
    }),
  };
}
