// The retention reads as the store writes them, checked with EXPLAIN QUERY PLAN: activity and churn events come from
// a range of the partial index of customers' own activity by time (no table read), experiences by time through each
// table's index, and the per-customer reads (churn comebacks, churned customers' windows, last contacts, cohorts)
// are index look-ups driven by the customers asked about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';
import {
  activityQuery,
  cancellationsQuery,
  cohortCountsQuery,
  experiencesInWindowsQuery,
  experiencesQueries,
  lastContactsQuery,
  sightingsQuery,
  surveyAnswersQuery,
} from './store.ts';

const temp = useTempDatabase('retention-plans');
const DAY = 86_400_000;
const FROM = Date.parse('2026-08-01T00:00:00Z');
const TO = Date.parse('2026-11-01T00:00:00Z');
const WINDOWS = [['cus_a', FROM, TO] as const];

const plan = (query: { sql: string; params: readonly unknown[] }) => temp.queryPlan(query.sql, query.params);
/** The tables (and CTEs) a plan scans row by row: a line `SCAN name` without an index. */
const scanned = (explained: string) => [...explained.matchAll(/^SCAN (\w+)$/gm)].map((match) => match[1]);
const SORT = /USE TEMP B-TREE/;

test('activity: one range of the partial index by time, grouped by profile', () => {
  const explained = plan(activityQuery({ from: FROM - 90 * DAY, to: TO }));
  assert.match(
    explained,
    /SEARCH i USING (?:COVERING )?INDEX interactions_own_activity \(occurred_at>\? AND occurred_at<\?\)/,
    explained,
  );
  assert.deepEqual(scanned(explained), [], explained);
  // Newcomers only: the same range, each row's profile checked among those first seen since (a scan of customers).
  const newcomers = plan(activityQuery({ from: FROM, to: TO }, FROM));
  assert.match(newcomers, /SEARCH i USING (?:COVERING )?INDEX interactions_own_activity \(occurred_at>\?/, newcomers);
  assert.doesNotMatch(newcomers, /AUTOMATIC/, newcomers);
  assert.deepEqual(scanned(newcomers), ['customers'], newcomers);
});

test('churn events: a range of the partial index; each comeback a range of her part of the timeline', () => {
  const explained = plan(cancellationsQuery('Subscription Cancelled', TO));
  assert.match(explained, /SEARCH i USING (?:COVERING )?INDEX interactions_own_activity \(occurred_at<\?\)/, explained);
  assert.match(
    explained,
    /SEARCH n USING INDEX interactions_timeline \(profile_id=\? AND occurred_at>\? AND occurred_at<\?\)/,
    explained,
  );
  // Ordered by time for the walk: a sort of the churn events found, not of every row.
  assert.deepEqual(scanned(explained), [], explained);
});

test('sightings: a scan of customers (no index on first sightings), her merged profiles by look-up', () => {
  const explained = plan(sightingsQuery(FROM, TO));
  assert.match(explained, /^SCAN c$/m, explained);
  assert.match(explained, /SEARCH o USING COVERING INDEX profile_owners_customer/, explained);
  assert.doesNotMatch(explained, /SCAN (?:p|o)\b/, explained);
});

test('experiences of the period: each a range of its own index by time', () => {
  const expected = [
    /SEARCH b USING COVERING INDEX sla_breaches_by_due \(due_at>\? AND due_at<\?\)/,
    /SEARCH cases USING INDEX cases_listing \(opened_at>\? AND opened_at<\?\)/,
    /SEARCH i USING INDEX interactions_listened_by_time \(occurred_at>\? AND occurred_at<\?\)/,
    /SEARCH r USING INDEX survey_responses_by_time \(first_answered_at>\? AND first_answered_at<\?\)/,
    /SEARCH gestures USING INDEX gestures_issued_by_time \(created_at>\? AND created_at<\?\)/,
  ];
  const queries = experiencesQueries(FROM, TO, null);
  assert.equal(queries.length, expected.length);
  for (const [index, query] of queries.entries()) {
    const explained = plan(query);
    assert.match(explained, expected[index]!, explained);
    // The detractors' surveys are a small table of definitions, looked up or scanned beside each answer.
    assert.deepEqual(
      scanned(explained).filter((table) => table !== 's'),
      [],
      explained,
    );
  }
});

test('experiences and last contacts of churned customers: look-ups by customer and time, her list the outer loop', () => {
  const explained = plan(experiencesInWindowsQuery(WINDOWS, null));
  for (const lookup of [
    /SEARCH c USING INDEX cases_customer \(customer_id=\? AND opened_at<\?\)/,
    /SEARCH c USING INDEX cases_customer \(customer_id=\? AND opened_at>\? AND opened_at<\?\)/,
    /SEARCH i USING INDEX interactions_timeline \(profile_id=\? AND occurred_at>\? AND occurred_at<\?\)/,
    /SEARCH r USING INDEX survey_responses_by_customer \(customer_id=\?\)/,
    /SEARCH g USING INDEX gestures_customer \(customer_id=\? AND created_at>\? AND created_at<\?\)/,
  ]) {
    assert.match(explained, lookup, explained);
  }
  assert.doesNotMatch(explained, /BLOOM FILTER|AUTOMATIC/, explained);
  assert.ok(
    scanned(explained).every((table) => table === 'her'),
    explained,
  );

  const last = plan(lastContactsQuery(WINDOWS));
  assert.match(last, /SEARCH c USING INDEX cases_customer \(customer_id=\? AND opened_at>\? AND opened_at<\?\)/, last);
  assert.doesNotMatch(last, SORT, last);
});

test('the cancellation survey’s answers: a range of the survey’s answers by time', () => {
  const explained = plan(surveyAnswersQuery('srv_exit', FROM, TO));
  assert.match(
    explained,
    /SEARCH r USING INDEX survey_responses_by_survey \(survey_id=\? AND first_answered_at>\? AND first_answered_at<\?\)/,
    explained,
  );
});

test('cohorts: each member’s profiles read in the timeline index from her first sighting', () => {
  const explained = plan(cohortCountsQuery(FROM, TO, TO));
  assert.match(
    explained,
    /SEARCH i USING INDEX interactions_timeline \(profile_id=\? AND occurred_at>\? AND occurred_at<\?\)/,
    explained,
  );
  assert.doesNotMatch(explained, /SCAN i\b|AUTOMATIC/, explained);
});
