// The token look-ups that run per request (a Bearer call, the token lists) and the revocation of all of a
// person's tokens are served by an index (EXPLAIN QUERY PLAN); migration 0010 adds the one by staff member.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('staff-plans');

const QUERIES: Record<string, [sql: string, index: RegExp]> = {
  'a Bearer token on every call': [
    `SELECT staff.*, api_tokens.id AS token_id, api_tokens.last_used_at AS token_last_used_at
     FROM api_tokens JOIN staff ON staff.id = api_tokens.staff_id
     WHERE api_tokens.token_hash = ? AND api_tokens.revoked_at IS NULL AND staff.disabled_at IS NULL`,
    /USING INDEX sqlite_autoindex_api_tokens_2 \(token_hash=\?\)/,
  ],
  "a person's tokens": [
    `SELECT id, staff_id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE staff_id = ?
     ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC`,
    /USING INDEX api_tokens_staff \(staff_id=\?\)/,
  ],
  "revoking all of a person's tokens": [
    'UPDATE api_tokens SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL',
    /USING INDEX api_tokens_staff \(staff_id=\?\)/,
  ],
};

for (const [name, [sql, index]] of Object.entries(QUERIES)) {
  test(`${name}: served by its index, no table scanned`, () => {
    const plan = temp.queryPlan(sql);
    assert.match(plan, index, plan);
    assert.doesNotMatch(plan, /^SCAN (?!.*USING (COVERING )?INDEX)/m, plan);
  });
}
