// The dashboard case (issue 15): N cases over a year, the managers' main dashboard query (the case metrics by
// channel and week) answered by Rapport from the cells its refresher keeps, next to the same question put to DuckDB
// from scratch over the same rows held in memory. Rapport's answer must not need to read the cases at all: the
// target is at most half of DuckDB's time. The cells are built first by the same refresher the app runs (timed, as
// the cost of keeping them), and both answers are checked against each other before any time is reported.
import { DuckDBInstance } from '@duckdb/node-api';
import type BetterSqlite3 from 'better-sqlite3';
import type { BenchCase } from './bench-case.ts';
import { emitResult, formatCount, say } from './output.ts';
import { Random } from './random.ts';
import { roundTo } from './stats.ts';
import { countAllMetrics } from '../src/metrics/index.ts';
import { metricsOf, type MetricsResult } from '../src/metrics/service.ts';
import type { MetricName } from '../src/metrics/model.ts';

const DAY_MS = 86_400_000;
const DAYS = 364;
const START = Date.parse('2025-12-01T00:00:00Z');
const CHANNELS = ['email', 'email', 'email', 'chat', 'chat', 'social', 'phone', 'web_form'];
const REASONS = ['delivery', 'refund', 'billing', 'account', 'product', 'returns', 'complaint', 'praise', 'other'];
const PRIORITIES = ['normal', 'normal', 'normal', 'high', 'low', 'urgent'];
const TEAMS = 5;
const AGENTS = 50;
const REPEATS = 5;
const NAMES: MetricName[] = [
  'cases',
  'repeat_rate',
  'ttfr',
  'ttfr_p90',
  'ttr',
  'ttr_p90',
  'fcr',
  'reopen_rate',
  'sla_attainment',
  'backlog',
];

interface GeneratedCase {
  channel: string;
  status: string;
  priority: string;
  reason: string;
  team: number;
  agent: number;
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  firstResponseDueAt: number;
  resolutionDueAt: number;
  reopens: number;
  contacts: number;
  repeat: boolean;
  fcr: number | null;
}

/** A help desk's year: most cases answered within hours, most resolved, a few reopened or repeated. */
function* generateCases(count: number, seed: number): Generator<GeneratedCase> {
  const random = new Random(seed);
  const minutes = (median: number) => Math.round(median * Math.exp((random.next() - 0.5) * 4) * 60_000);
  for (let i = 0; i < count; i++) {
    const openedAt = START + Math.floor(random.next() * DAYS * DAY_MS);
    const answered = random.chance(0.93);
    const firstResponseAt = answered ? openedAt + minutes(45) : null;
    const resolved = answered && random.chance(0.85);
    const resolvedAt = resolved && firstResponseAt !== null ? firstResponseAt + minutes(600) : null;
    const reopens = resolved && random.chance(0.08) ? 1 : 0;
    const contacts = 1 + (random.chance(0.3) ? 1 + random.int(3) : 0);
    yield {
      channel: CHANNELS[random.int(CHANNELS.length)]!,
      status: resolved ? 'resolved' : answered ? 'open' : 'new',
      priority: PRIORITIES[random.int(PRIORITIES.length)]!,
      reason: REASONS[random.int(REASONS.length)]!,
      team: random.int(TEAMS),
      agent: random.int(AGENTS),
      openedAt,
      firstResponseAt,
      resolvedAt,
      firstResponseDueAt: openedAt + 60 * 60_000,
      resolutionDueAt: openedAt + 24 * 60 * 60_000,
      reopens,
      contacts,
      repeat: random.chance(0.1),
      fcr: resolved ? (contacts === 1 && reopens === 0 ? 1 : 0) : null,
    };
  }
}

/** The rows straight into SQLite (setup, not timed as Rapport's work): staff, teams, customers, cases. */
function fillSqlite(connection: BetterSqlite3.Database, count: number, seed: number): void {
  const customers = Math.max(1, Math.floor(count / 10));
  // Case search, the change feed and the inbox's indexes (none read by the metrics) would make the setup of ten
  // million cases take hours; the metrics' own trigger stays, so every case is queued for the refresher as in the app.
  connection.exec(`DROP TRIGGER case_search_case_inserted; DROP TRIGGER case_changes_case_inserted;
                   DROP TRIGGER case_tags_case_inserted;`);
  const indexes = connection
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL`)
    .pluck()
    .all() as string[];
  for (const name of indexes) connection.exec(`DROP INDEX "${name}"`);
  connection.transaction(() => {
    const team = connection.prepare(
      `INSERT INTO teams (id, name, department, timezone, business_hours, holidays, auto_assign, is_default, created_at)
       VALUES (?, ?, 'support', 'UTC', '{}', '[]', 0, 0, 0)`,
    );
    for (let t = 0; t < TEAMS; t++) team.run(`bench_team_${t}`, `Team ${t}`);
    const agent = connection.prepare(
      `INSERT INTO staff (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'agent', 'x', 0)`,
    );
    for (let a = 0; a < AGENTS; a++) agent.run(`bench_agent_${a}`, `agent${a}@bench.test`, `Agent ${a}`);
    const customer = connection.prepare(
      `INSERT INTO customers (id, name, created_at, first_seen_at, last_seen_at) VALUES (?, NULL, 0, 0, 0)`,
    );
    for (let c = 0; c < customers; c++) customer.run(`bench_customer_${c}`);
  })();
  const insert = connection.prepare(
    `INSERT INTO cases (id, number, customer_id, subject, channel, status, priority, reason, assignee_id, team_id,
       opened_at, first_response_at, resolved_at, first_response_due_at, resolution_due_at, reopen_count,
       contact_count, repeat_of, first_contact_resolution, updated_at)
     VALUES (?, ?, ?, 'Bench case', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const write = connection.transaction((rows: Array<[number, GeneratedCase]>) => {
    for (const [i, c] of rows)
      insert.run(
        `bench_case_${i}`,
        i + 1,
        `bench_customer_${i % customers}`,
        c.channel,
        c.status,
        c.priority,
        c.reason,
        `bench_agent_${c.agent}`,
        `bench_team_${c.team}`,
        c.openedAt,
        c.firstResponseAt,
        c.resolvedAt,
        c.firstResponseDueAt,
        c.resolutionDueAt,
        c.reopens,
        c.contacts,
        // A repeat points at an earlier case; the first few have none to point at.
        c.repeat && i >= REPEATS ? `bench_case_${i - REPEATS}` : null,
        c.fcr,
        c.openedAt,
      );
  });
  let batch: Array<[number, GeneratedCase]> = [];
  let i = 0;
  for (const c of generateCases(count, seed)) {
    batch.push([i++, c]);
    if (batch.length === 50_000) {
      write(batch);
      batch = [];
    }
  }
  if (batch.length) write(batch);
}

/** The same rows into DuckDB's memory, through its appender (setup, not timed as DuckDB's work). */
async function fillDuckDb(count: number, seed: number) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE cases (
    channel VARCHAR, status VARCHAR, opened_at BIGINT, first_response_at BIGINT, resolved_at BIGINT,
    first_response_due_at BIGINT, resolution_due_at BIGINT, reopen_count INTEGER, contact_count INTEGER,
    is_repeat BOOLEAN, fcr INTEGER)`);
  const appender = await connection.createAppender('cases');
  let i = 0;
  for (const c of generateCases(count, seed)) {
    appender.appendVarchar(c.channel);
    appender.appendVarchar(c.status);
    appender.appendBigInt(BigInt(c.openedAt));
    if (c.firstResponseAt === null) appender.appendNull();
    else appender.appendBigInt(BigInt(c.firstResponseAt));
    if (c.resolvedAt === null) appender.appendNull();
    else appender.appendBigInt(BigInt(c.resolvedAt));
    appender.appendBigInt(BigInt(c.firstResponseDueAt));
    appender.appendBigInt(BigInt(c.resolutionDueAt));
    appender.appendInteger(c.reopens);
    appender.appendInteger(c.contacts);
    appender.appendBoolean(c.repeat && i >= REPEATS);
    if (c.fcr === null) appender.appendNull();
    else appender.appendInteger(c.fcr);
    appender.endRow();
    i++;
  }
  appender.closeSync();
  return { instance, connection };
}

// The dashboard's question in one statement, by the definitions in src/metrics/model.ts: opened cases by the week
// they opened (count, repeats, first response, SLA), resolved cases by the week they were resolved (resolution time,
// first-contact resolution, reopens), and the backlog at the end of each week. Weeks start on Monday (1970-01-01
// was a Thursday, hence + 3). quantile_disc picks a value of the data, as Rapport's nearest rank does.
const DUCKDB_DASHBOARD = `
WITH c AS (
  SELECT channel,
         opened_at // ${DAY_MS} AS od,
         CASE WHEN status IN ('resolved', 'closed') AND resolved_at IS NOT NULL THEN resolved_at // ${DAY_MS} END AS rd,
         CASE WHEN first_response_at IS NOT NULL THEN round((first_response_at - opened_at) / 1000) END AS ttfr,
         CASE WHEN status IN ('resolved', 'closed') AND resolved_at IS NOT NULL THEN round((resolved_at - opened_at) / 1000) END AS ttr,
         fcr, reopen_count > 0 AS reopened, is_repeat,
         (first_response_at IS NOT NULL)::INT
           + (status IN ('resolved', 'closed') AND resolved_at IS NOT NULL)::INT AS sla_decided,
         (first_response_at IS NOT NULL AND first_response_at <= first_response_due_at)::INT
           + (status IN ('resolved', 'closed') AND resolved_at IS NOT NULL AND resolved_at <= resolution_due_at)::INT AS sla_met
    FROM cases),
opened AS (
  SELECT channel, od - ((od + 3) % 7) AS week, count(*) AS cases, avg(is_repeat::INT) AS repeat_rate,
         quantile_disc(ttfr, 0.5) AS ttfr, quantile_disc(ttfr, 0.9) AS ttfr_p90,
         sum(sla_met) / nullif(sum(sla_decided), 0) AS sla_attainment
    FROM c GROUP BY ALL),
resolved AS (
  SELECT channel, rd - ((rd + 3) % 7) AS week, quantile_disc(ttr, 0.5) AS ttr, quantile_disc(ttr, 0.9) AS ttr_p90,
         avg(fcr) AS fcr, avg(reopened::INT) AS reopen_rate
    FROM c WHERE rd IS NOT NULL GROUP BY ALL),
moves AS (
  SELECT channel, od - ((od + 3) % 7) AS week, 1 AS delta FROM c
  UNION ALL SELECT channel, rd - ((rd + 3) % 7), -1 FROM c WHERE rd IS NOT NULL),
backlog AS (
  SELECT channel, week, sum(sum(delta)) OVER (PARTITION BY channel ORDER BY week) AS backlog FROM moves GROUP BY channel, week)
SELECT * FROM opened FULL JOIN resolved USING (channel, week) FULL JOIN backlog USING (channel, week)
ORDER BY channel, week`;

type DuckRow = Record<string, unknown>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Both answers agree: counts exactly, rates to four places, durations within 2 % (nearest rank vs quantile_disc). */
function disagreements(rapport: MetricsResult, duck: DuckRow[]): string[] {
  const problems: string[] = [];
  const byKey = new Map(rapport.rows.map((row) => [`${row.dimensions.channel}|${row.dimensions.week}`, row]));
  for (const d of duck) {
    const week = new Date(Number(d.week) * DAY_MS).toISOString().slice(0, 10);
    const row = byKey.get(`${d.channel}|${week}`);
    if (!row) {
      problems.push(`Rapport has no row for ${d.channel} ${week}`);
      continue;
    }
    const close = (name: MetricName, expected: unknown, tolerance: number) => {
      const got = row.values[name];
      const want = expected === null || expected === undefined ? null : Number(expected);
      if (want === null || got === null) {
        if (!(want === null && (got === null || got === 0)))
          problems.push(`${name} ${d.channel} ${week}: ${got} ≠ ${want}`);
        return;
      }
      if (Math.abs(Number(got) - want) > tolerance * Math.max(1, Math.abs(want)))
        problems.push(`${name} ${d.channel} ${week}: ${got} ≠ ${want}`);
    };
    close('cases', d.cases ?? 0, 0);
    close('backlog', d.backlog, 0);
    close('fcr', d.fcr, 1e-4);
    close('sla_attainment', d.sla_attainment, 1e-4);
    close('ttfr', d.ttfr, 0.02);
    close('ttr_p90', d.ttr_p90, 0.02);
  }
  return problems.slice(0, 10);
}

export const dashboardBench: BenchCase = {
  name: 'dashboard',
  async run({ options, workspace }) {
    const count = options.dashboardCases;
    say(`\ndashboard: ${formatCount(count)} cases over ${DAYS} days, by channel and week`);
    const { db } = await workspace.openDatabase('dashboard');
    let started = performance.now();
    fillSqlite(db.rawConnection(), count, options.seed);
    const insertMs = performance.now() - started;
    say(`  inserted into SQLite in ${(insertMs / 1000).toFixed(1)} s (triggers queued each case for the metrics)`);
    started = performance.now();
    await countAllMetrics(db, { batch: 20_000, round: 200_000 });
    const refreshMs = performance.now() - started;
    say(
      `  refresher built the cells in ${(refreshMs / 1000).toFixed(1)} s (${formatCount(Math.round(count / (refreshMs / 1000)))} cases/s)`,
    );
    const duck = await fillDuckDb(count, options.seed);

    const plan = {
      names: NAMES,
      dimension: 'channel' as const,
      period: 'week' as const,
      filter: null,
      fromDay: Math.floor(START / DAY_MS),
      // Past the last opening, until the last resolution (at most about 20 days later), as DuckDB counts them all.
      toDay: Math.floor(START / DAY_MS) + DAYS + 42,
      compare: false,
    };
    const rapportAnswer = await metricsOf(db, plan);
    const duckAnswer = (await duck.connection.runAndReadAll(DUCKDB_DASHBOARD)).getRowObjectsJS() as DuckRow[];
    const problems = disagreements(rapportAnswer, duckAnswer);
    if (problems.length) throw new Error(`dashboard: Rapport and DuckDB disagree:\n  ${problems.join('\n  ')}`);
    say(`  both answer ${formatCount(rapportAnswer.rows.length)} rows and agree`);

    const runs = 7;
    const rapportMs: number[] = [];
    const duckdbMs: number[] = [];
    // Alternated, so that the machine's noise falls on both alike.
    for (let run = 0; run < runs; run++) {
      started = performance.now();
      await metricsOf(db, plan);
      rapportMs.push(performance.now() - started);
      started = performance.now();
      await duck.connection.runAndReadAll(DUCKDB_DASHBOARD);
      duckdbMs.push(performance.now() - started);
    }
    duck.connection.closeSync();
    duck.instance.closeSync();
    const result = {
      bench: 'dashboard',
      interactions: count,
      cases: count,
      rows: rapportAnswer.rows.length,
      rapportMs: roundTo(median(rapportMs), 1),
      duckdbMs: roundTo(median(duckdbMs), 1),
      ratio: roundTo(median(rapportMs) / median(duckdbMs), 3),
      target: 0.5,
      refreshCasesPerSecond: Math.round(count / (refreshMs / 1000)),
      insertCasesPerSecond: Math.round(count / (insertMs / 1000)),
    };
    say(
      `  Rapport ${result.rapportMs} ms, DuckDB ${result.duckdbMs} ms (medians of ${runs}): ratio ${result.ratio} (target ≤ 0.5)`,
    );
    emitResult(result);
  },
};
