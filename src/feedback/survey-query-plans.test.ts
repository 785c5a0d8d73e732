// The sweep after resolution asks, for each case resolved since its last look, whether anyone already asked about
// it (a trigger, staff, or a link in a reply): a search of the by-case index, never a scan of every invitation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('survey-plans');

test('whether a case was asked about: a search of survey_invitations_by_case', () => {
  const plan = temp.queryPlan('SELECT 1 AS found FROM survey_invitations WHERE case_id = ? LIMIT 1');
  assert.match(
    plan,
    /SEARCH survey_invitations USING (COVERING )?INDEX survey_invitations_by_case \(case_id=\?\)/,
    plan,
  );
});
