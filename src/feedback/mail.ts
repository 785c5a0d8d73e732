// The invitation email, in plain text: the question, a link per score (one click opens the page with it chosen;
// nothing is recorded until she sends, since mail scanners open links), the link itself and how long it works.
import type { PlainMail } from '../shared/mail.ts';
import { SCALES } from './model.ts';
import type { Survey } from './survey-model.ts';

export interface InvitationMailFacts {
  company: string;
  survey: Pick<Survey, 'kind' | 'questions'>;
  to: { address: string; name: string | null };
  url: string;
  expiresAt: number;
  /** The case she is asked about, when there is one. */
  about: { number: number; subject: string } | null;
}

export function invitationMail(facts: InvitationMailFacts): PlainMail {
  const firstName = facts.to.name?.trim().split(/\s+/)[0];
  const question = facts.survey.questions.find((candidate) => candidate.type === 'score') ?? facts.survey.questions[0];
  const lines = [`Hello${firstName ? ` ${firstName}` : ''},`, ''];
  if (facts.about)
    lines.push(`You recently contacted ${facts.company} about “${facts.about.subject}” (#${facts.about.number}).`);
  lines.push(question?.prompt ?? `${facts.company} would like to hear from you.`, '');
  if (facts.survey.kind !== 'custom') {
    const scale: { min: number; max: number; low: string; high: string } = SCALES[facts.survey.kind];
    lines.push('Answer with one click:');
    for (let score = scale.max; score >= scale.min; score--) {
      const words = score === scale.max ? ` (${scale.high})` : score === scale.min ? ` (${scale.low})` : '';
      lines.push(`  ${score}${words}: ${facts.url}?score=${score}`);
    }
    lines.push('');
  }
  lines.push(
    `Or open the questions here: ${facts.url}`,
    `The link is yours alone and works once, until ${new Date(facts.expiresAt).toUTCString().slice(0, 16)}.`,
    '',
    'Thank you,',
    facts.company,
  );
  const subject = facts.about
    ? `How did we do with “${facts.about.subject}”? [#${facts.about.number}]`
    : `${facts.company}: a quick question`;
  return { to: facts.to, subject, text: lines.join('\n') };
}
