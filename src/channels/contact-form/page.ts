// The public contact form and its thank-you page, as plain server-rendered HTML (no script needed).
import type { ReplyPromise } from './model.ts';
import { escapeHtml, publicPage as layout } from '../../http/public-page.ts';

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
