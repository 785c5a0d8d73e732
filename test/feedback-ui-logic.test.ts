// The feedback pages' own rules, without a browser: a survey score's band and scale read as the server's
// (src/feedback/model.ts), and a session's day sent as noon where it was picked.
// Kept with the browser suite because they are the web UI's code (web/src/feedback).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandOf, SCALES } from '../src/feedback/model.ts';
import { scoreBand, scoreMeaning } from '../web/src/feedback/score-band.ts';
import { heldAtOf, today } from '../web/src/feedback/held-on.ts';

test('every score of every scale is in the same band as the server says, out of the same maximum', () => {
  for (const kind of ['nps', 'csat', 'ces'] as const) {
    const { min, max } = SCALES[kind];
    for (let score = min; score <= max; score++) {
      assert.equal(scoreBand(kind, score), bandOf(kind, score), `${kind} ${score}`);
      assert.match(scoreMeaning(kind, score), new RegExp(` ${score} of ${max} · ${bandOf(kind, score)}$`));
    }
  }
  assert.equal(scoreMeaning('nps', 3), 'NPS 3 of 10 · detractor');
  assert.equal(scoreMeaning('custom', 4), 'Score 4');
  assert.equal(scoreMeaning(null, 4), 'Score 4');
});

test('a session day is sent as noon that day where it was picked; anything else is left for the server', () => {
  const sent = heldAtOf('2026-11-20');
  assert.equal(new Date(sent).getHours(), 12);
  assert.equal(new Date(sent).getDate(), 20);
  assert.equal(heldAtOf(''), '');
  assert.equal(heldAtOf('soon'), 'soon');
  assert.equal(today(new Date(2027, 0, 5, 23, 59)), '2027-01-05');
});
