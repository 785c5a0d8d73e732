// The survey screens' own rules, without a browser: the scales and bands the UI restates agree with the server's,
// the builder's ids follow prompts and stay unique, a kind change keeps one score question (none for custom), the
// draft becomes the body the API takes, scores read as the kind writes them, and the distribution fills its scale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandOf as serverBandOf, SCALES as SERVER_SCALES } from '../src/feedback/model.ts';
import { defaultFollowUp, followUpProblem } from '../src/feedback/survey-model.ts';
import { bandOf, DEFAULT_THRESHOLDS, SCALES, scoresOf, thresholdRange } from '../web/src/surveys/scales.ts';
import {
  draftOf,
  followUpForKind,
  newQuestion,
  questionsForKind,
  SCORE_PROMPTS,
  slugOf,
  surveyDraftSchema,
  uniqueId,
} from '../web/src/surveys/draft.ts';
import { formatSurveyScore, triggerText } from '../web/src/surveys/describe.ts';
import { distributionChartData } from '../web/src/surveys/distribution.ts';
import { containsSurveyLink, surveyLinkHint } from '../web/src/surveys/reply-link.ts';
import { containsSurveyLink as serverContainsSurveyLink } from '../src/templates/index.ts';

const SCORED = ['nps', 'csat', 'ces'] as const;

test('the scales, bands, thresholds and their ranges are the server’s', () => {
  assert.deepEqual(SCALES, SERVER_SCALES);
  for (const kind of SCORED) {
    for (const score of scoresOf(kind))
      assert.equal(bandOf(kind, score), serverBandOf(kind, score), `${kind} ${score}`);
    assert.equal(DEFAULT_THRESHOLDS[kind], defaultFollowUp(kind).scoreAtMost);
    const { min, max } = thresholdRange(kind);
    const rule = (scoreAtMost: number) => ({ enabled: true, scoreAtMost, priority: 'high' as const });
    assert.equal(followUpProblem(kind, rule(min)), null);
    assert.equal(followUpProblem(kind, rule(max)), null);
    assert.notEqual(followUpProblem(kind, rule(max + 1)), null, `${kind} above its range`);
    assert.notEqual(followUpProblem(kind, rule(min - 1)), null, `${kind} below its range`);
  }
  assert.deepEqual(scoresOf('csat'), [1, 2, 3, 4, 5]);
});

test('ids follow the prompt as the API takes them, a few words long and unique', () => {
  assert.equal(slugOf('Which product did you buy?'), 'which_product_did_you_buy');
  assert.equal(slugOf('Avez-vous été bien accueilli ?'), 'avez_vous_ete_bien_accueilli');
  assert.equal(slugOf('2 things we could do better'), 'q_2_things_we_could_do_better');
  assert.equal(slugOf('?!'), 'question');
  assert.equal(slugOf('Supercalifragilisticexpialidocious-and-then-some'), 'supercalifragilisticexpialidocio');
  assert.match(slugOf('What is the main reason for your answer today, honestly?'), /^[a-z][a-z0-9_]{0,32}$/);
  assert.equal(uniqueId('why', [{ id: 'score' }]), 'why');
  assert.equal(uniqueId('why', [{ id: 'why' }, { id: 'why_2' }]), 'why_3');
  const long = 'a'.repeat(40);
  assert.equal(uniqueId(long, [{ id: long }]), `${'a'.repeat(38)}_2`);
  const draft = draftOf(null);
  assert.equal(newQuestion('text', draft.questions).id, 'anything_else_you_would_like_to');
});

test('a new survey’s kind keeps one score question, none for custom, and its own threshold', () => {
  const nps = draftOf(null).questions;
  const csat = questionsForKind(nps, 'nps', 'csat');
  assert.equal(csat[0]?.prompt, SCORE_PROMPTS.csat, 'an untouched prompt follows the kind');
  const custom = questionsForKind(csat, 'csat', 'custom');
  assert.deepEqual(
    custom.map((question) => question.type),
    ['text'],
  );
  const back = questionsForKind(custom, 'custom', 'ces');
  assert.deepEqual(
    back.map((question) => [question.type, question.id]),
    [
      ['score', 'score'],
      ['text', 'why'],
    ],
  );
  const rewritten = nps.map((question) => (question.type === 'score' ? { ...question, prompt: 'Mine?' } : question));
  assert.equal(questionsForKind(rewritten, 'nps', 'ces')[0]?.prompt, 'Mine?', 'a rewritten prompt stays');
  const followUp = draftOf(null).followUp;
  assert.deepEqual(followUpForKind(followUp, 'csat'), { ...followUp, scoreAtMost: '2' });
  assert.equal(followUpForKind(followUp, 'custom').enabled, false);
});

test('the draft becomes the body the API takes, with each kind of trigger', () => {
  const draft = draftOf(null);
  const choice = { ...newQuestion('choice', draft.questions), options: ' Tent \n\nBackpack\n', multiple: true };
  const body = surveyDraftSchema().parse({
    ...draft,
    name: 'Relationship NPS',
    questions: [...draft.questions, choice],
    followUp: { ...draft.followUp, scoreAtMost: ' 5 ' },
  });
  assert.deepEqual(body, {
    name: 'Relationship NPS',
    kind: 'nps',
    questions: [
      { id: 'score', type: 'score', prompt: SCORE_PROMPTS.nps, required: true },
      {
        id: 'why',
        type: 'text',
        prompt: 'What is the main reason for your answer?',
        isComment: true,
        required: false,
      },
      {
        id: 'which_of_these_applies',
        type: 'choice',
        prompt: 'Which of these applies?',
        options: ['Tent', 'Backpack'],
        multiple: true,
        required: false,
      },
    ],
    trigger: { on: 'manual' },
    quietDays: 30,
    linkValidDays: 14,
    followUp: { enabled: true, scoreAtMost: 5, priority: 'high' },
    active: true,
  });
  const empty = surveyDraftSchema().safeParse({ ...draft, quietDays: '' });
  assert.equal(empty.success, false);
  assert.deepEqual(empty.error?.issues[0]?.path, ['quietDays']);

  const onEvent = surveyDraftSchema().parse({
    ...draft,
    name: 'After delivery',
    trigger: 'event',
    triggerEvent: ' Order Delivered ',
    triggerAfterDays: '3',
  });
  assert.deepEqual(onEvent.trigger, { on: 'event', event: 'Order Delivered', afterDays: 3 });
  assert.equal(triggerText(onEvent.trigger), '3 days after “Order Delivered”');
  const everyQuarter = surveyDraftSchema().parse({
    ...draft,
    name: 'VIP NPS',
    trigger: 'periodic',
    triggerFlag: 'vip',
  });
  assert.deepEqual(everyQuarter.trigger, { on: 'periodic', everyDays: 90, flag: 'vip' });
  assert.equal(triggerText(everyQuarter.trigger), 'every 90 days to customers flagged “vip”');
  const everyone = surveyDraftSchema().parse({ ...draft, name: 'All NPS', trigger: 'periodic' });
  assert.deepEqual(everyone.trigger, { on: 'periodic', everyDays: 90, flag: null });
  const reopened = draftOf({
    ...everyQuarter,
    id: 'srv_1',
    createdAt: '2026-12-01T00:00:00Z',
    createdBy: null,
  } as never);
  assert.deepEqual([reopened.trigger, reopened.triggerEveryDays, reopened.triggerFlag], ['periodic', '90', 'vip']);
  const custom = surveyDraftSchema().parse({ ...draft, name: 'Ideas', kind: 'custom' });
  assert.deepEqual(custom.followUp, { enabled: false, scoreAtMost: 0, priority: 'normal' });
});

test('scores read as each kind writes them, and the distribution covers the whole scale', () => {
  assert.equal(formatSurveyScore('nps', -100), '−100');
  assert.equal(formatSurveyScore('nps', 33.333), '+33');
  assert.equal(formatSurveyScore('nps', 0), '0');
  assert.equal(formatSurveyScore('csat', 66.6667), '66.7%');
  assert.equal(formatSurveyScore('ces', 5.25), '5.3');
  assert.equal(formatSurveyScore('ces', null), '—');

  const chart = distributionChartData('nps', [
    { score: 3, count: 1 },
    { score: 9, count: 2 },
  ]);
  assert.deepEqual(
    chart.layers.map((layer) => layer.key),
    ['detractor', 'passive', 'promoter'],
  );
  assert.equal(chart.stacks.length, 11);
  assert.deepEqual(chart.stacks[3]?.values, [1, 0, 0]);
  assert.deepEqual(chart.stacks[9]?.values, [0, 0, 2]);
  assert.equal(chart.peak, 2);
});

test('the composer finds {{survey.link}} where the server will make a link of it, and names whom it is for', () => {
  const texts = [
    'Rate us: {{survey.link}}',
    'Spaces: {{ survey.link }}',
    'No link',
    '{{survey.links}}',
    '{survey.link}',
  ];
  for (const text of texts)
    assert.equal(
      containsSurveyLink(text),
      serverContainsSurveyLink(text),
      `the same reading of ${JSON.stringify(text)}`,
    );
  assert.deepEqual(texts.map(containsSurveyLink), [true, true, false, false, false]);
  assert.equal(surveyLinkHint('Maria Garcia'), 'The survey link is made for Maria when you send.');
  assert.equal(surveyLinkHint('jane@example.com'), 'The survey link is made for the customer when you send.');
  assert.equal(surveyLinkHint(null), 'The survey link is made for the customer when you send.');
});
