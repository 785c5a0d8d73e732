// The public survey page and its answers, in the company's name: the form (a score as large tap targets, choices,
// texts), the thanks, and the friendly pages for a link already used, expired or unknown. No script needed.
import { escapeHtml, publicPage } from '../http/public-page.ts';
import { type Question, SCALES, type SurveyKind } from './model.ts';

export interface SurveyForm {
  company: string;
  kind: SurveyKind;
  questions: readonly Question[];
  /** The link's path, which the form posts back to. */
  action: string;
  /** This rendering's id: the same form sent twice is stored once. */
  submission: string;
  values: Record<string, unknown>;
  /** Answers already given through this link (a partial response): their questions are not asked again. */
  answered: ReadonlySet<string>;
  errors: Array<{ questionId: string; reason: string }>;
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];

function scoreField(kind: SurveyKind, question: Question, value: unknown): string {
  if (kind === 'custom') return '';
  const scale = SCALES[kind];
  const options: string[] = [];
  for (let score = scale.min; score <= scale.max; score++) {
    const checked = String(value ?? '') === String(score) ? ' checked' : '';
    options.push(
      `<label><input type="radio" name="${question.id}" value="${score}"${checked}${question.required ? ' required' : ''}><span>${score}</span></label>`,
    );
  }
  return `<fieldset><legend id="q-${question.id}">${escapeHtml(question.prompt)}</legend>
<div class="scale">${options.join('')}</div>
<div class="scale-ends" aria-hidden="true"><span>${scale.min}: ${escapeHtml(scale.low)}</span><span>${scale.max}: ${escapeHtml(scale.high)}</span></div>
<p class="muted" style="position:absolute;left:-10000px">${scale.min} means ${escapeHtml(scale.low)}, ${scale.max} means ${escapeHtml(scale.high)}.</p>
</fieldset>`;
}

function questionField(kind: SurveyKind, question: Question, value: unknown): string {
  switch (question.type) {
    case 'score':
      return scoreField(kind, question, value);
    case 'choice': {
      const chosen = asList(value);
      const type = question.multiple ? 'checkbox' : 'radio';
      const options = question.options
        .map(
          (option) =>
            `<label><input type="${type}" name="${question.id}" value="${escapeHtml(option)}"${chosen.includes(option) ? ' checked' : ''}>${escapeHtml(option)}</label>`,
        )
        .join('');
      return `<fieldset class="choices"><legend>${escapeHtml(question.prompt)}</legend>${options}</fieldset>`;
    }
    case 'text':
      return `<label for="q-${question.id}">${escapeHtml(question.prompt)}${question.required ? '' : ' <span style="font-weight:400">(optional)</span>'}</label>
<textarea id="q-${question.id}" name="${question.id}" maxlength="5000"${question.required ? ' required' : ''}>${escapeHtml(typeof value === 'string' ? value : '')}</textarea>`;
  }
}

export function surveyPage(form: SurveyForm): string {
  const asked = form.questions.filter((question) => !form.answered.has(question.id));
  const promptOf = new Map(form.questions.map((question) => [question.id, question.prompt]));
  const errors = form.errors.length
    ? `<div class="errors" role="alert"><ul>${form.errors
        .map(
          (error) =>
            `<li>${escapeHtml(promptOf.get(error.questionId) ?? error.questionId)}: ${escapeHtml(error.reason)}</li>`,
        )
        .join('')}</ul></div>`
    : '';
  return publicPage(
    `A few questions from ${form.company}`,
    `<h1>${escapeHtml(form.answered.size ? `Thank you — one more thing` : `A few questions from ${form.company}`)}</h1>
<p>Your answers go to the people who work here, and a person reads every comment.</p>
${errors}
<form method="post" action="${escapeHtml(form.action)}">
<input type="hidden" name="submission" value="${escapeHtml(form.submission)}">
${asked.map((question) => questionField(form.kind, question, form.values[question.id])).join('\n')}
<button type="submit">Send my answers</button>
</form>`,
  );
}

export function thanksPage(company: string, followingUp: boolean): string {
  return publicPage(
    `Thank you — ${company}`,
    `<h1>Thank you.</h1>
<p class="promise">${
      followingUp
        ? `We are sorry it was not better. Someone from ${escapeHtml(company)} will get in touch with you about it.`
        : `Your answers reached ${escapeHtml(company)}. We read every one.`
    }</p>`,
  );
}

/** Answers were sent and kept, but are still on their way in (the page could not wait for them). */
export function receivedPage(company: string): string {
  return publicPage(
    `Thank you — ${company}`,
    `<h1>Thank you.</h1><p class="promise">Your answers are saved and on their way to ${escapeHtml(company)}.</p>`,
  );
}

export function alreadyAnsweredPage(company: string): string {
  return publicPage(
    `Already answered — ${company}`,
    `<h1>You have already answered.</h1><p>Thank you: your answers reached ${escapeHtml(company)}, and this link is now used. Nothing more to do.</p>`,
  );
}

export function expiredPage(company: string): string {
  return publicPage(
    `Survey closed — ${company}`,
    `<h1>This survey has closed.</h1><p>The link was valid for a limited time. If you would still like to tell ${escapeHtml(company)} something, simply reply to the email you received or write to us.</p>`,
  );
}

export function unknownLinkPage(company: string): string {
  return publicPage(
    `Link not found — ${company}`,
    `<h1>We could not find this survey.</h1><p>The link may be incomplete: try opening it again from the email, or copy the whole address.</p>`,
  );
}
