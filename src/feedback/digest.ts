// The feedback digest as staff read it: what came in over the period (survey answers and their scores, idea
// requests, board input), the ideas most asked for and worth most, and the latest detractors' own words. Pure:
// the figures come in, the mail goes out.
import type { PlainMail } from '../shared/mail.ts';

export interface DigestFacts {
  company: string;
  from: number;
  to: number;
  frequency: 'daily' | 'weekly';
  surveyAnswers: number;
  ideaRequests: number;
  boardInputs: number;
  topByDemand: Array<{ number: number; title: string; requesters: number }>;
  topByValue: Array<{ number: number; title: string; value: number; currency: string }>;
  detractorComments: Array<{ survey: string; score: number; comment: string; customer: string | null }>;
  /** Where staff open an idea or the feed (the UI's address). */
  appUrl: string;
}

export function isEmptyDigest(facts: DigestFacts): boolean {
  return facts.surveyAnswers + facts.ideaRequests + facts.boardInputs === 0;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function digestMail(facts: DigestFacts, to: { address: string; name: string | null }): PlainMail {
  const lines = [
    `${facts.frequency === 'daily' ? 'Yesterday' : 'This week'} in customer feedback (${day(facts.from)} to ${day(facts.to)})`,
    '',
    `${facts.surveyAnswers} survey answers, ${facts.ideaRequests} idea requests, ${facts.boardInputs} advisory board inputs.`,
  ];
  if (facts.detractorComments.length) {
    lines.push('', 'In their words (the latest low scores):');
    for (const comment of facts.detractorComments) {
      lines.push(
        `  ${comment.score} on “${comment.survey}”${comment.customer ? `, ${comment.customer}` : ''}: “${comment.comment}”`,
      );
    }
  }
  if (facts.topByDemand.length) {
    lines.push('', 'Most asked for:');
    for (const idea of facts.topByDemand) lines.push(`  #${idea.number} ${idea.title}: ${idea.requesters} customers`);
  }
  if (facts.topByValue.length) {
    lines.push('', 'Worth most (the requesters’ lifetime value):');
    for (const idea of facts.topByValue)
      lines.push(`  #${idea.number} ${idea.title}: ${idea.value.toFixed(2)} ${idea.currency}`);
  }
  lines.push(
    '',
    `Everything: ${facts.appUrl}/ideas`,
    '',
    `You get this ${facts.frequency} digest from ${facts.company}'s Rapport; change it under My account.`,
  );
  return {
    to,
    subject: `Feedback ${facts.frequency === 'daily' ? 'today' : 'this week'}: ${facts.surveyAnswers + facts.ideaRequests + facts.boardInputs} new`,
    text: lines.join('\n'),
  };
}
