// CX metrics, one definition everywhere (shared/design/domain.md "Metrics"). Pure: what each case, survey answer,
// gesture and listened text contributes to the per-day cells, and how cells add up to the numbers a dashboard shows.
// The refresher stores contributions; the query reads cells; the drill-down uses the same facts, so the number on a
// dashboard and the list of cases behind it cannot disagree.
import { fromMinorUnits } from '../shared/money.ts';

export const DIMENSIONS = ['channel', 'team', 'agent', 'reason', 'priority', 'segment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** Cells are kept per dimension and for everything together ('all', key ''). */
export type CellDimension = Dimension | 'all';
export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export const METRIC_NAMES = [
  'cases',
  'repeat_rate',
  'ttfr',
  'ttfr_p90',
  'ttr',
  'ttr_p90',
  'resolved',
  'fcr',
  'reopen_rate',
  'contacts_per_case',
  'backlog',
  'sla_attainment',
  'nps',
  'csat',
  'ces',
  'responses',
  'sentiment',
  'negative_share',
  'gestures',
  'gesture_spend',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** The stored cell each metric is read from. */
export const CELL_OF: Record<MetricName, string> = {
  cases: 'opened',
  repeat_rate: 'opened',
  ttfr: 'ttfr',
  ttfr_p90: 'ttfr',
  ttr: 'ttr',
  ttr_p90: 'ttr',
  resolved: 'resolved',
  fcr: 'resolved',
  reopen_rate: 'resolved',
  contacts_per_case: 'resolved',
  backlog: 'backlog',
  sla_attainment: 'sla',
  nps: 'survey:nps',
  csat: 'survey:csat',
  ces: 'survey:ces',
  responses: 'survey:nps',
  sentiment: 'sentiment',
  negative_share: 'sentiment',
  gestures: 'gesture',
  gesture_spend: 'gesture',
};

/** What a metric counts, for the drill-down: the cases, answers, gestures or texts behind a number. */
export type MetricSource = 'case' | 'response' | 'gesture' | 'interaction';
export function sourceOf(name: MetricName): MetricSource {
  const cell = CELL_OF[name];
  if (cell.startsWith('survey:')) return 'response';
  if (cell === 'gesture') return 'gesture';
  if (cell === 'sentiment') return 'interaction';
  return 'case';
}

// ---------------------------------------------------------------------------------------------------------------
// Facts: what the metrics need of one subject, read from its row by the refresher.

/** Where a contribution is filed: the values of every dimension ('' where there is none). */
export interface Dimensions {
  channel: string;
  team: string;
  agent: string;
  reason: string;
  priority: string;
  /** The customer's flags: a case counts in every segment its customer belongs to. */
  segments: string[];
}

export interface CaseFact extends Dimensions {
  kind: 'case';
  openedDay: number;
  /** Seconds from opening to the first staff reply; null before one. */
  ttfr: number | null;
  /** The same in the case's team's business hours (open time only). */
  ttfrBusiness: number | null;
  /** Resolved or closed: the local day it left the backlog. */
  leftDay: number | null;
  /** Resolved (not merely closed): the day, and what resolution tells. */
  resolvedDay: number | null;
  ttr: number | null;
  ttrBusiness: number | null;
  firstContactResolution: boolean | null;
  reopened: boolean;
  contacts: number;
  repeat: boolean;
  /** SLA targets decided (answered, resolved, or breached) and of those met. */
  slaDecided: number;
  slaMet: number;
}

export interface ResponseFact extends Dimensions {
  kind: 'response';
  survey: 'nps' | 'csat' | 'ces';
  day: number;
  score: number;
}

export interface GestureFact extends Dimensions {
  kind: 'gesture';
  day: number;
  currency: string;
  /** Minor units. */
  amount: number;
}

export interface TextFact {
  kind: 'text';
  day: number;
  channel: string;
  reason: string;
  score: number;
  negative: boolean;
}

export type Fact = CaseFact | ResponseFact | GestureFact | TextFact;

/** The case row as the refresher reads it (epoch ms). */
export interface CaseRow {
  channel: string;
  status: string;
  priority: string;
  reason: string | null;
  team_id: string | null;
  assignee_id: string | null;
  opened_at: number;
  first_response_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  first_response_due_at: number | null;
  resolution_due_at: number | null;
  reopen_count: number;
  contact_count: number;
  repeat_of: string | null;
  first_contact_resolution: number | null;
  /** 1: opened closed by a historical message (an import), never resolved by anyone. */
  historical: number;
  /** SLA breaches recorded for the case, by target. */
  first_response_breached: number;
  resolution_breached: number;
}

const seconds = (from: number, to: number) => Math.max(0, Math.round((to - from) / 1000));

/**
 * A target is decided once it was met (answered or resolved by its due time) or once a breach was recorded; an
 * undecided target (still running) counts in neither share, so today's open cases do not lower attainment.
 */
function slaOutcome(due: number | null, doneAt: number | null, breached: boolean): { decided: number; met: number } {
  if (due === null) return { decided: 0, met: 0 };
  if (doneAt !== null && doneAt <= due && !breached) return { decided: 1, met: 1 };
  if (breached || (doneAt !== null && doneAt > due)) return { decided: 1, met: 0 };
  return { decided: 0, met: 0 };
}

/** Open time between two moments in seconds, by the case's team's calendar. */
export type BusinessSeconds = (from: number, to: number) => number;

export function caseFact(
  row: CaseRow,
  segments: string[],
  dayOf: (ms: number) => number,
  businessSeconds: BusinessSeconds = seconds,
): CaseFact {
  // A case an import opened closed leaves the backlog, but its "resolution" is the import's, not a person's.
  const resolved =
    (row.status === 'resolved' || row.status === 'closed') && row.resolved_at !== null && !row.historical;
  const left = row.status === 'resolved' || row.status === 'closed' ? (row.resolved_at ?? row.closed_at) : null;
  // Its first response, though, is the recorded one (a replayed feed holds the brand's replies and their times).
  const firstResponse = slaOutcome(row.first_response_due_at, row.first_response_at, row.first_response_breached > 0);
  const resolution = slaOutcome(row.resolution_due_at, resolved ? row.resolved_at : null, row.resolution_breached > 0);
  return {
    kind: 'case',
    channel: row.channel,
    team: row.team_id ?? '',
    agent: row.assignee_id ?? '',
    reason: row.reason ?? '',
    priority: row.priority,
    segments,
    openedDay: dayOf(row.opened_at),
    ttfr: row.first_response_at === null ? null : seconds(row.opened_at, row.first_response_at),
    ttfrBusiness: row.first_response_at === null ? null : businessSeconds(row.opened_at, row.first_response_at),
    leftDay: left === null ? null : dayOf(left),
    resolvedDay: resolved && row.resolved_at !== null ? dayOf(row.resolved_at) : null,
    ttr: resolved && row.resolved_at !== null ? seconds(row.opened_at, row.resolved_at) : null,
    ttrBusiness: resolved && row.resolved_at !== null ? businessSeconds(row.opened_at, row.resolved_at) : null,
    firstContactResolution: resolved ? row.first_contact_resolution === 1 : null,
    reopened: row.reopen_count > 0,
    contacts: row.contact_count,
    repeat: row.repeat_of !== null,
    slaDecided: firstResponse.decided + resolution.decided,
    slaMet: firstResponse.met + resolution.met,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Contributions: a fact's additions to cells, filed under each of its places (dimension values). A change
// subtracts the old fact's and adds the new one's.

export interface Contribution {
  cell: string;
  day: number;
  n: number;
  total: number;
  hits: number;
  /** A value for the cell's histogram (durations in seconds, scores). */
  value?: number;
}

/** Where a fact's contributions are filed: (dimension, value) pairs, 'all' first. */
export type Place = readonly [CellDimension, string];

export interface Filing {
  places: Place[];
  parts: Contribution[];
}

function placesOf(dimensions: Partial<Dimensions>): Place[] {
  const places: Place[] = [['all', '']];
  for (const dim of ['channel', 'team', 'agent', 'reason', 'priority'] as const) {
    const key = dimensions[dim];
    if (key !== undefined) places.push([dim, key]);
  }
  for (const segment of dimensions.segments ?? []) places.push(['segment', segment]);
  return places;
}

export function contributionsOf(fact: Fact): Filing {
  switch (fact.kind) {
    case 'case': {
      const parts: Contribution[] = [
        { cell: 'opened', day: fact.openedDay, n: 1, total: 0, hits: fact.repeat ? 1 : 0 },
        { cell: 'backlog', day: fact.openedDay, n: 1, total: 0, hits: 0 },
      ];
      if (fact.leftDay !== null) parts.push({ cell: 'backlog', day: fact.leftDay, n: -1, total: 0, hits: 0 });
      if (fact.ttfr !== null)
        parts.push({ cell: 'ttfr', day: fact.openedDay, n: 1, total: fact.ttfr, hits: 0, value: fact.ttfr });
      if (fact.ttfrBusiness !== null)
        parts.push({
          cell: 'ttfr_bh',
          day: fact.openedDay,
          n: 1,
          total: fact.ttfrBusiness,
          hits: 0,
          value: fact.ttfrBusiness,
        });
      if (fact.slaDecided > 0)
        parts.push({ cell: 'sla', day: fact.openedDay, n: fact.slaDecided, total: 0, hits: fact.slaMet });
      if (fact.resolvedDay !== null && fact.ttr !== null) {
        // hits: resolved on first contact; total: contacts. Reopens have their own cell so both rates share one count.
        parts.push({
          cell: 'resolved',
          day: fact.resolvedDay,
          n: 1,
          total: fact.contacts,
          hits: fact.firstContactResolution ? 1 : 0,
        });
        parts.push({ cell: 'reopened', day: fact.resolvedDay, n: 1, total: 0, hits: fact.reopened ? 1 : 0 });
        parts.push({ cell: 'ttr', day: fact.resolvedDay, n: 1, total: fact.ttr, hits: 0, value: fact.ttr });
        if (fact.ttrBusiness !== null)
          parts.push({
            cell: 'ttr_bh',
            day: fact.resolvedDay,
            n: 1,
            total: fact.ttrBusiness,
            hits: 0,
            value: fact.ttrBusiness,
          });
      }
      return { places: placesOf(fact), parts };
    }
    case 'response':
      return {
        places: placesOf(fact),
        parts: [{ cell: `survey:${fact.survey}`, day: fact.day, n: 1, total: fact.score, hits: 0, value: fact.score }],
      };
    case 'gesture':
      return {
        places: placesOf(fact),
        parts: [
          { cell: 'gesture', day: fact.day, n: 1, total: 0, hits: 0 },
          { cell: `spend:${fact.currency}`, day: fact.day, n: 1, total: fact.amount, hits: 0 },
        ],
      };
    case 'text':
      return {
        places: placesOf({ channel: fact.channel, reason: fact.reason }),
        parts: [{ cell: 'sentiment', day: fact.day, n: 1, total: fact.score, hits: fact.negative ? 1 : 0 }],
      };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cells and histograms.

/**
 * A histogram of values in 1 % wide buckets, as a flat list sorted by bucket: [bucket, count, sum, bucket, …].
 * Sparse (small cells stay small), read without sorting, merged in one pass, and cheap to parse from JSON.
 */
export type Histogram = number[];

export interface Cell {
  n: number;
  total: number;
  hits: number;
  hist: Histogram | null;
}

/** A change to a cell while a round gathers them: buckets by number, made into a Histogram when written. */
export interface CellDelta {
  n: number;
  total: number;
  hits: number;
  hist: Map<number, [number, number]> | null;
}

const LOG_STEP = Math.log(1.01);
/** 0 has its own bucket; everything else falls in ⌊ln(v) / ln(1.01)⌋ + 2 (values below 1 share bucket 1). */
export function bucketOf(value: number): number {
  return value <= 0 ? 0 : value < 1 ? 1 : Math.floor(Math.log(value) / LOG_STEP) + 2;
}

export function emptyCell(): Cell {
  return { n: 0, total: 0, hits: 0, hist: null };
}

export function emptyDelta(): CellDelta {
  return { n: 0, total: 0, hits: 0, hist: null };
}

/** Adds `sign` × a contribution to a delta, in place. */
export function addTo(delta: CellDelta, contribution: Contribution, sign: 1 | -1): void {
  delta.n += sign * contribution.n;
  delta.total += sign * contribution.total;
  delta.hits += sign * contribution.hits;
  if (contribution.value === undefined) return;
  delta.hist ??= new Map();
  const bucket = bucketOf(contribution.value);
  const entry = delta.hist.get(bucket);
  if (entry) {
    entry[0] += sign;
    entry[1] += sign * contribution.value;
  } else delta.hist.set(bucket, [sign, sign * contribution.value]);
}

/** Adds one delta into another (a day's change into its week's), in place. */
export function addDelta(into: CellDelta, other: CellDelta): void {
  into.n += other.n;
  into.total += other.total;
  into.hits += other.hits;
  if (!other.hist) return;
  into.hist ??= new Map();
  for (const [bucket, [count, sum]] of other.hist) {
    const entry = into.hist.get(bucket);
    if (entry) {
      entry[0] += count;
      entry[1] += sum;
    } else into.hist.set(bucket, [count, sum]);
  }
}

export function histogramOf(buckets: Map<number, [number, number]> | null): Histogram | null {
  if (!buckets) return null;
  const flat: number[] = [];
  for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
    const [count, sum] = buckets.get(bucket) ?? [0, 0];
    if (count !== 0) flat.push(bucket, count, sum);
  }
  return flat.length ? flat : null;
}

/** Two sorted histograms as one, in one pass; buckets that fall to zero are dropped. */
export function mergeHistograms(a: Histogram | null, b: Histogram | null): Histogram | null {
  if (!a?.length) return b?.length ? b : null;
  if (!b?.length) return a;
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const ba = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const bb = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    let bucket: number;
    let count = 0;
    let sum = 0;
    if (ba <= bb) {
      bucket = ba;
      count += a[i + 1] as number;
      sum += a[i + 2] as number;
      i += 3;
    } else bucket = bb;
    if (bb === bucket) {
      count += b[j + 1] as number;
      sum += b[j + 2] as number;
      j += 3;
    }
    if (count !== 0) merged.push(bucket, count, sum);
  }
  return merged.length ? merged : null;
}

/** A cell with a delta applied. */
export function applyDelta(cell: Cell, delta: CellDelta): Cell {
  return {
    n: cell.n + delta.n,
    total: cell.total + delta.total,
    hits: cell.hits + delta.hits,
    hist: delta.hist ? mergeHistograms(cell.hist, histogramOf(delta.hist)) : cell.hist,
  };
}

export function mergeCells(a: Cell, b: Cell): Cell {
  return { n: a.n + b.n, total: a.total + b.total, hits: a.hits + b.hits, hist: mergeHistograms(a.hist, b.hist) };
}

export function isEmptyCell(cell: Cell | CellDelta): boolean {
  const hist = cell.hist;
  const histEmpty = !hist || (Array.isArray(hist) ? hist.length === 0 : [...hist.values()].every(([c]) => c === 0));
  return cell.n === 0 && cell.hits === 0 && Math.abs(cell.total) < 1e-9 && histEmpty;
}

/**
 * The nearest-rank percentile (the smallest value with at least p of the values at or below it): each bucket
 * stands for the mean of its values, so the answer is exact whenever no two distinct values share a bucket (1 %
 * wide: 10 min and 10 min 5 s do; 10 and 11 min do not), and within 1 % otherwise.
 */
export function percentile(hist: Histogram | null, p: number): number | null {
  if (!hist) return null;
  let total = 0;
  for (let i = 1; i < hist.length; i += 3) total += hist[i] as number;
  if (total <= 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (let i = 0; i < hist.length; i += 3) {
    seen += hist[i + 1] as number;
    if (seen >= rank) return (hist[i + 2] as number) / (hist[i + 1] as number);
  }
  return null;
}

/** Score counts by value, for surveys (each score is its own bucket). */
function scoreCounts(hist: Histogram | null): Array<{ score: number; count: number }> {
  const counts: Array<{ score: number; count: number }> = [];
  for (let i = 0; hist && i < hist.length; i += 3) {
    const count = hist[i + 1] as number;
    if (count > 0) counts.push({ score: Math.round((hist[i + 2] as number) / count), count });
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Values: a metric read from the merged cells of one row.

export type MetricValue = number | Record<string, number> | null;

export interface RowCells {
  /** Merged cells by stored cell name (opened, ttfr, spend:USD, …). */
  cells: Map<string, Cell>;
  /** Backlog before the row's first day, for the open count at its end. */
  backlogBefore: number;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const round = (value: number | null, digits = 4) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** The value and how many subjects it is computed from (the denominator a reader needs to trust a rate). */
export function metricValue(name: MetricName, row: RowCells): { value: MetricValue; count: number } {
  const cell = row.cells.get(CELL_OF[name]) ?? emptyCell();
  switch (name) {
    case 'cases':
    case 'resolved':
    case 'gestures':
      return { value: cell.n, count: cell.n };
    case 'repeat_rate':
    case 'fcr':
    case 'sla_attainment':
    case 'negative_share':
      return { value: round(ratio(cell.hits, cell.n)), count: cell.n };
    case 'reopen_rate': {
      const reopened = row.cells.get('reopened') ?? emptyCell();
      return { value: round(ratio(reopened.hits, reopened.n)), count: reopened.n };
    }
    case 'contacts_per_case':
      return { value: round(ratio(cell.total, cell.n), 2), count: cell.n };
    case 'ttfr':
    case 'ttr':
      return { value: round(percentile(cell.hist, 0.5), 0), count: cell.n };
    case 'ttfr_p90':
    case 'ttr_p90':
      return { value: round(percentile(cell.hist, 0.9), 0), count: cell.n };
    case 'backlog':
      return { value: row.backlogBefore + cell.n, count: row.backlogBefore + cell.n };
    case 'nps': {
      const scores = scoreCounts(cell.hist);
      const promoters = scores.filter((s) => s.score >= 9).reduce((sum, s) => sum + s.count, 0);
      const detractors = scores.filter((s) => s.score <= 6).reduce((sum, s) => sum + s.count, 0);
      return { value: cell.n > 0 ? round(((promoters - detractors) / cell.n) * 100, 1) : null, count: cell.n };
    }
    case 'csat': {
      const satisfied = scoreCounts(cell.hist)
        .filter((s) => s.score >= 4)
        .reduce((sum, s) => sum + s.count, 0);
      return { value: cell.n > 0 ? round((satisfied / cell.n) * 100, 1) : null, count: cell.n };
    }
    case 'ces':
      return { value: round(ratio(cell.total, cell.n), 2), count: cell.n };
    case 'responses': {
      const n = ['survey:nps', 'survey:csat', 'survey:ces'].reduce((sum, c) => sum + (row.cells.get(c)?.n ?? 0), 0);
      return { value: n, count: n };
    }
    case 'sentiment':
      return { value: round(ratio(cell.total, cell.n), 3), count: cell.n };
    case 'gesture_spend': {
      const spend: Record<string, number> = {};
      for (const [name, c] of row.cells) {
        if (!name.startsWith('spend:') || c.n === 0) continue;
        const currency = name.slice('spend:'.length);
        spend[currency] = fromMinorUnits(c.total, currency);
      }
      return { value: spend, count: cell.n };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Days and periods: cells are kept per local day; weeks (starting Monday) and months are read from days.

const DAY_MS = 86_400_000;

export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dateToDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The first day of the week (Monday) or month a day is in: where its week and month cells are kept. */
export function periodStart(day: number, period: 'week' | 'month'): number {
  if (period === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  return dateToDay(`${dayToDate(day).slice(0, 7)}-01`);
}

/** The label of the period a day falls in: the day, its week's Monday, or the month (YYYY-MM). */
export function periodOf(day: number, period: Period): string {
  if (period === 'day') return dayToDate(day);
  if (period === 'week') {
    // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
    return dayToDate(day - ((((day + 3) % 7) + 7) % 7));
  }
  return dayToDate(day).slice(0, 7);
}

/** Cells to read for [from, to): spans of days whose cells are kept at one grain (`from`/`to` are days). */
export interface Span {
  grain: 'day' | 'week' | 'month';
  from: number;
  to: number;
}

function nextPeriodStart(day: number, period: 'week' | 'month'): number {
  const start = periodStart(day, period);
  if (start === day) return day;
  return period === 'week' ? start + 7 : periodStart(start + 31, 'month');
}

/** Whole weeks (or months) inside [from, to), and the days left at each end. */
function coverWith(
  from: number,
  to: number,
  grain: 'week' | 'month',
): { inner: Span | null; edges: Array<[number, number]> } {
  const first = nextPeriodStart(from, grain);
  const end = periodStart(to, grain);
  if (first >= end) return { inner: null, edges: [[from, to]] };
  return {
    inner: { grain, from: first, to: end },
    edges: [
      [from, first],
      [end, to],
    ].filter(([a, b]) => (a as number) < (b as number)) as Array<[number, number]>,
  };
}

/**
 * The fewest cells that cover [from, to) without a cell straddling two rows of the answer: by day, days; by week,
 * whole weeks and days at the ends; by month, whole months and days; for one total, months, then weeks, then days.
 */
export function coverOf(from: number, to: number, period: Period | null): Span[] {
  if (period === 'day') return [{ grain: 'day', from, to }];
  const grains: Array<'week' | 'month'> =
    period === 'week' ? ['week'] : period === 'month' ? ['month'] : ['month', 'week'];
  let pending: Array<[number, number]> = [[from, to]];
  const spans: Span[] = [];
  for (const grain of grains) {
    const left: Array<[number, number]> = [];
    for (const [a, b] of pending) {
      const { inner, edges } = coverWith(a, b, grain);
      if (inner) spans.push(inner);
      left.push(...edges);
    }
    pending = left;
  }
  for (const [a, b] of pending) spans.push({ grain: 'day', from: a, to: b });
  return spans;
}
