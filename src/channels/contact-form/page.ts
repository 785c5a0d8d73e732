// The public contact form and its thank-you page, as plain server-rendered HTML (no script needed).
import type { ReplyPromise } from './model.ts';

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d2330; }
  main { max-width: 560px; margin: 48px auto; background: #fff; padding: 32px; border-radius: 12px; box-shadow: 0 1px 3px #0002; }
  label { display: block; margin-top: 16px; font-weight: 600; }
  input, textarea { width: 100%; box-sizing: border-box; padding: 10px; margin-top: 4px; border: 1px solid #c5cad3; border-radius: 8px; font: inherit; }
  textarea { min-height: 140px; }
  button { margin-top: 20px; padding: 10px 20px; border: 0; border-radius: 8px; background: #2f5bea; color: #fff; font: inherit; cursor: pointer; }
  .hp { position: absolute; left: -10000px; }
  .errors { background: #fdecec; color: #8a1c1c; padding: 12px; border-radius: 8px; }
  .promise { font-size: 1.15em; }
</style></head>
<body><main>${body}</main></body></html>`;
}

export interface FormValues {
  name?: string;
  email?: string;
  message?: string;
}

export function contactFormPage(company: string, values: FormValues = {}, errors: string[] = []): string {
  return layout(
    `Contact ${company}`,
    `<h1>Write to ${escapeHtml(company)}</h1>
<p>A person reads every message.</p>
${errors.length ? `<div class="errors" role="alert"><ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></div>` : ''}
<form method="post" action="/public/contact">
  <label for="name">Your name</label><input id="name" name="name" maxlength="200" required value="${escapeHtml(values.name ?? '')}">
  <label for="email">Your email</label><input id="email" name="email" type="email" maxlength="254" required value="${escapeHtml(values.email ?? '')}">
  <label for="message">How can we help?</label><textarea id="message" name="message" maxlength="10000" required>${escapeHtml(values.message ?? '')}</textarea>
  <div class="hp" aria-hidden="true"><label for="website">Leave this empty</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
  <button type="submit">Send</button>
</form>`,
  );
}

export interface ThankYou {
  company: string;
  customerName: string;
  caseNumber: number;
  onDuty: { name: string; team: string | null } | null;
  promise: ReplyPromise;
}

/** The promise in words; never more than the numbers support. */
export function thankYouSentence(thanks: ThankYou): string {
  const who = thanks.onDuty
    ? `${thanks.onDuty.name}${thanks.onDuty.team ? ` from ${thanks.onDuty.team}` : ''}`
    : 'One of our team';
  if (!thanks.promise.sentence) return `${who} will read your message and reply by email.`;
  return `${who} will reply by email. ${thanks.promise.sentence}`;
}

export function thankYouPage(thanks: ThankYou): string {
  const firstName = thanks.customerName.trim().split(/\s+/)[0] ?? '';
  return layout(
    `Thank you — ${thanks.company}`,
    `<h1>Thank you${firstName ? `, ${escapeHtml(firstName)}` : ''}.</h1>
<p class="promise" data-testid="promise">${escapeHtml(thankYouSentence(thanks))}</p>
${thanks.caseNumber > 0 ? `<p>Your reference is <strong>#${thanks.caseNumber}</strong>. If you write again about this, mention it and it will reach the same person.</p>` : ''}`,
  );
}
