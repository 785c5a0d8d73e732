// The drill-down as CSV: the same cases, answers or gestures as its JSON, one line each, so every table the
// dashboard shows downloads from the server. Raw values as metricsCsv writes them (seconds, fractions), yes/no
// for what a case did or did not do, amounts in the currency's units, teams and staff by name.
import { stringify } from 'csv-stringify/sync';
import { fromMinorUnits } from '../shared/money.ts';
import type { Drilled, DrilledCase } from './drill.ts';
import type { MetricName } from './model.ts';

export interface Labels {
  team: Record<string, string>;
  agent: Record<string, string>;
}

/** Metrics whose cases each count something of their own (a duration, yes/no, contacts, SLA targets met). */
const CASE_VALUE: Partial<Record<MetricName, string>> = {
  ttfr: 'first_response_seconds',
  ttfr_p90: 'first_response_seconds',
  ttr: 'resolution_seconds',
  ttr_p90: 'resolution_seconds',
  fcr: 'resolved_on_first_contact',
  reopen_rate: 'reopened',
  repeat_rate: 'repeat_contact',
  contacts_per_case: 'contacts',
  sla_attainment: 'sla_targets_met',
};

const valueText = (value: DrilledCase['value']) =>
  value === null ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);

export function drilledCsv(name: MetricName, drilled: Drilled, labels: Labels): string {
  const named = (names: Record<string, string>, id: string | null) => (id === null ? '' : (names[id] ?? id));
  if (drilled.source === 'case') {
    const valueColumn = CASE_VALUE[name];
    const header = ['number', 'subject', 'status', 'channel', 'team', 'agent', 'reason', 'opened_at'];
    return stringify([
      valueColumn ? [...header, valueColumn] : header,
      ...drilled.cases.map((c) => {
        const line = [
          c.number,
          c.subject,
          c.status,
          c.channel,
          named(labels.team, c.teamId),
          named(labels.agent, c.assigneeId),
          c.reason ?? '',
          c.openedAt,
        ];
        return valueColumn ? [...line, valueText(c.value)] : line;
      }),
    ]);
  }
  if (drilled.source === 'response')
    return stringify([
      ['answered_at', 'survey', 'score', 'comment', 'case_id', 'customer_id'],
      ...drilled.responses.map((r) => [r.answeredAt, r.survey, r.score, r.comment ?? '', r.caseId ?? '', r.customerId]),
    ]);
  return stringify([
    ['issued_at', 'kind', 'amount', 'currency', 'issued_by', 'case_id', 'customer_id'],
    ...drilled.gestures.map((g) => [
      g.issuedAt,
      g.kind,
      fromMinorUnits(g.amount, g.currency),
      g.currency,
      named(labels.agent, g.issuedBy),
      g.caseId ?? '',
      g.customerId,
    ]),
  ]);
}
