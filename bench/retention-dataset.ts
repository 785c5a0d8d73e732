// A generated dataset for the retention reports (churn, acquisition, cohorts): customers with a first-seen time and
// an acquisition source, their own events and messages over two years, cases (some breached, repeated, reopened),
// gestures and survey answers; some cancel, some go quiet. Written straight into the tables (not through ingest):
// what is measured is the reports' reads, not the projection.
import { Random } from './random.ts';
import type { SqliteDatabase } from '../src/store/sqlite.ts';

const DAY = 86_400_000;
const SOURCES = ['google', 'facebook', 'newsletter', 'referral', null] as const;
const REASONS = ['billing', 'delivery', 'product', 'account'] as const;

export interface RetentionDataset {
  customers: number;
  interactions: number;
  cases: number;
}

/** `customers` customers with about ten interactions each, first seen across the two years before `until`. */
export function generateRetentionDataset(db: SqliteDatabase, customers: number, until: number): RetentionDataset {
  const raw = db.rawConnection();
  const random = new Random(42);
  const start = until - 730 * DAY;
  const insertCustomer = raw.prepare(
    `INSERT INTO customers (id, name, created_at, first_seen_at, last_seen_at, acquisition_source) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertInteraction = raw.prepare(
    `INSERT INTO interactions (profile_id, occurred_at, received_at, channel, direction, type, event, actor, text, properties,
                               case_id, source, source_id, sentiment, sentiment_score, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?, ?)`,
  );
  const insertCase = raw.prepare(
    `INSERT INTO cases (id, number, customer_id, subject, channel, status, priority, reason, opened_at, reopen_count,
                        contact_count, repeat_of, updated_at)
     VALUES (?, ?, ?, 'Help', 'email', 'resolved', 'normal', ?, ?, ?, ?, ?, ?)`,
  );
  const insertBreach = raw.prepare(
    `INSERT INTO sla_breaches (case_id, metric, due_at, recorded_at) VALUES (?, 'first_response', ?, ?)`,
  );
  const insertGesture = raw.prepare(
    `INSERT INTO gestures (id, case_id, customer_id, kind, amount, currency, reason, status, issued_by, created_at)
     VALUES (?, ?, ?, 'credit', 500, 'USD', 'Sorry', 'issued', 'bench_staff', ?)`,
  );
  const insertResponse = raw.prepare(
    `INSERT INTO survey_responses (invitation_id, survey_id, customer_id, score, comment, answers, complete,
                                   first_answered_at, updated_at)
     VALUES (?, 'srv_csat_after_resolution', ?, ?, NULL, '{}', 1, ?, ?)`,
  );
  let interactions = 0;
  let cases = 0;
  let sourceId = 0;
  const add = (
    customer: string,
    at: number,
    channel: string,
    direction: string,
    type: string,
    event: string | null,
    extra: { text?: string; properties?: string; caseId?: string; sentiment?: string; reason?: string } = {},
  ) => {
    insertInteraction.run(
      customer,
      at,
      at,
      channel,
      direction,
      type,
      event,
      direction === 'inbound' ? 'customer' : 'staff',
      extra.text ?? null,
      extra.properties ?? null,
      extra.caseId ?? null,
      `e${++sourceId}`,
      extra.sentiment ?? null,
      extra.sentiment ? (extra.sentiment === 'negative' ? -0.6 : 0.3) : null,
      extra.reason ?? null,
    );
    interactions++;
  };
  raw
    .prepare(
      `INSERT OR IGNORE INTO staff (id, email, name, role, created_at) VALUES ('bench_staff', 'bench@example.com', 'Bench', 'agent', 0)`,
    )
    .run();
  const insertInvitation = raw.prepare(
    `INSERT INTO survey_invitations (id, survey_id, customer_id, case_id, token_hash, sent_at, expires_at)
     VALUES (?, 'srv_csat_after_resolution', ?, ?, ?, ?, ?)`,
  );
  const write = raw.transaction(() => {
    for (let n = 0; n < customers; n++) {
      const id = `cus_bench_${n}`;
      const firstSeen = start + Math.floor(random.next() * 700 * DAY);
      insertCustomer.run(id, `Customer ${n}`, firstSeen, firstSeen, firstSeen, random.pick(SOURCES));
      add(id, firstSeen, 'system', 'inbound', 'identify', null);
      // A life of up to two years with a visit every few weeks; about a third go quiet early, a tenth cancel.
      const lifeDays = random.chance(0.35) ? random.int(120) : random.int(730);
      const end = Math.min(until, firstSeen + lifeDays * DAY);
      let at = firstSeen;
      let previousCase: string | null = null;
      for (let visit = 0; visit < 9; visit++) {
        at += Math.floor((random.next() * (end - firstSeen)) / 8);
        if (at >= end) break;
        const roll = random.next();
        if (roll < 0.45) add(id, at, random.chance(0.5) ? 'product' : 'order', 'inbound', 'track', 'Product Viewed');
        else if (roll < 0.6) add(id, at, 'web', 'inbound', 'page_view', 'Home');
        else if (roll < 0.7) add(id, at, 'system', 'inbound', 'identify', null);
        else {
          const caseId = `case_bench_${++cases}`;
          const negative = random.chance(0.3);
          insertCase.run(
            caseId,
            cases,
            id,
            random.pick(REASONS),
            at,
            random.chance(0.05) ? 1 : 0,
            random.chance(0.1) ? 2 : 1,
            previousCase && random.chance(0.1) ? previousCase : null,
            at,
          );
          add(id, at, 'email', 'inbound', 'message', null, {
            text: negative ? 'This is awful' : 'A question',
            caseId,
            sentiment: negative ? 'negative' : 'neutral',
            reason: random.pick(REASONS),
          });
          add(id, at + 3_600_000, 'email', 'outbound', 'message', null, { text: 'Thanks', caseId });
          if (random.chance(0.1)) insertBreach.run(caseId, at + 4 * 3_600_000, at + 4 * 3_600_000);
          if (random.chance(0.05)) insertGesture.run(`g_${caseId}`, caseId, id, at + 7_200_000);
          if (random.chance(0.1)) {
            const answeredAt = at + DAY;
            insertInvitation.run(`inv_${caseId}`, id, caseId, `hash_${caseId}`, at + 3_600_000, at + 14 * DAY);
            insertResponse.run(`inv_${caseId}`, id, 1 + random.int(5), answeredAt, answeredAt);
          }
          previousCase = caseId;
        }
      }
      if (random.chance(0.1) && end < until) {
        add(id, end, 'product', 'inbound', 'track', 'Subscription Cancelled', {
          properties: JSON.stringify({ reason: random.pick(['too expensive', 'missing features', 'switched']) }),
        });
      }
    }
  });
  write();
  return { customers, interactions, cases };
}
