// The public ideas board's per-request reads go through indexes: the public ideas (newest first without a sort),
// an idea's comments, a session or link by its hash, and an erasure's look-up of her links by address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('public-board-plans');

test('the public ideas: read through ideas_public_by_time; newest first needs no sort', () => {
  const newest = temp.queryPlan(
    `SELECT i.id, (SELECT COUNT(*) FROM idea_requesters r WHERE r.idea_id = i.id) AS votes
     FROM ideas i WHERE i.public = 1 AND i.merged_into IS NULL ORDER BY i.created_at DESC LIMIT ?`,
  );
  assert.match(newest, /SCAN i USING INDEX ideas_public_by_time/, newest);
  assert.match(newest, /SEARCH r USING COVERING INDEX sqlite_autoindex_idea_requesters_1 \(idea_id=\?\)/, newest);
  assert.doesNotMatch(newest, /TEMP B-TREE/, newest);
  const byVotes = temp.queryPlan(
    `SELECT i.id, (SELECT COUNT(*) FROM idea_requesters r WHERE r.idea_id = i.id) AS votes
     FROM ideas i WHERE i.public = 1 AND i.merged_into IS NULL ORDER BY votes DESC, i.created_at DESC LIMIT ?`,
  );
  // Votes are counted per public idea, then sorted: the index keeps the private ones out.
  assert.match(byVotes, /SCAN i USING INDEX ideas_public_by_time/, byVotes);
});

test("an idea's comments, a secret by its hash, and her secrets by address: each a search of an index", () => {
  const comments = temp.queryPlan(
    'SELECT id, first_name, text, at FROM idea_comments WHERE idea_id = ? ORDER BY at, id LIMIT ?',
  );
  assert.match(comments, /SEARCH idea_comments USING INDEX idea_comments_by_idea \(idea_id=\?\)/, comments);
  const secret = temp.queryPlan('SELECT email FROM public_board_secrets WHERE secret_hash = ? AND kind = ?');
  assert.match(secret, /SEARCH public_board_secrets USING INDEX sqlite_autoindex_public_board_secrets_1/, secret);
  const hers = temp.queryPlan('DELETE FROM public_board_secrets WHERE email IN (?, ?)');
  assert.match(hers, /SEARCH public_board_secrets USING INDEX public_board_secrets_by_email \(email=\?\)/, hers);
  const expired = temp.queryPlan('DELETE FROM public_board_secrets WHERE expires_at <= ?');
  assert.match(expired, /USING (COVERING )?INDEX public_board_secrets_by_expiry \(expires_at<\?\)/, expired);
});
