// Escalation: a customer's negative, urgent words open a case or raise the priority of the one they join, by rules a
// manager edits (thresholds, channels, reasons). Pure: the reading of the words comes in, the rule and the words a
// person reads on the case ("negative, urgent: 'third time my bag is lost'") go out.
import { z } from 'zod';
import { CASE_PRIORITIES, type CasePriority } from './model.ts';
import { CHANNELS, type Channel, type Insight } from '../interactions/index.ts';

export const ESCALATION_PRIORITIES = ['high', 'urgent'] as const satisfies readonly CasePriority[];

export const escalationConditionsSchema = z
  .object({
    /** Empty: every channel. */
    channels: z.array(z.enum(CHANNELS)).max(20),
    /** Empty: any reason, and none. */
    reasons: z.array(z.string().trim().min(1).max(100)).max(50),
    /** The sentiment score (−1 … +1) at or below which the words count as negative enough; they must read negative too. */
    sentimentAtMost: z.number().min(-1).max(0),
    /** The urgency score (0 … 1) from which they count as urgent; 0 asks for no urgency at all. */
    urgencyAtLeast: z.number().min(0).max(1),
  })
  .strict();
export type EscalationConditions = z.infer<typeof escalationConditionsSchema>;

export interface EscalationRule {
  id: string;
  position: number;
  name: string;
  enabled: boolean;
  conditions: EscalationConditions;
  priority: (typeof ESCALATION_PRIORITIES)[number];
  /** Whether words that open no case of their own (a survey comment, a review) open one. */
  opensCase: boolean;
}

/** What the rules read: the channel the words came by, and what listening read in them. */
export interface HeardWords {
  channel: Channel;
  text: string;
  insight: Insight;
}

export interface Escalation {
  rule: EscalationRule;
  /** Why, in the words a person reads on the case: "negative, urgent, delivery: 'third time my bag is lost'". */
  why: string;
}

export function escalationMatches(conditions: EscalationConditions, heard: HeardWords): boolean {
  const { insight } = heard;
  if (insight.sentiment !== 'negative' || insight.sentimentScore > conditions.sentimentAtMost) return false;
  if (insight.urgencyScore < conditions.urgencyAtLeast) return false;
  if (conditions.channels.length && !conditions.channels.includes(heard.channel)) return false;
  if (conditions.reasons.length && (!insight.reason || !conditions.reasons.includes(insight.reason))) return false;
  return true;
}

/** The first enabled rule, in position order, that the words match; null when none does. */
export function escalationFor(rules: readonly EscalationRule[], heard: HeardWords): Escalation | null {
  const rule = [...rules]
    .sort((a, b) => a.position - b.position)
    .find((candidate) => candidate.enabled && escalationMatches(candidate.conditions, heard));
  return rule ? { rule, why: whyEscalated(heard) } : null;
}

const QUOTE_LENGTH = 120;

export function whyEscalated(heard: HeardWords): string {
  const { insight } = heard;
  const readings = [
    insight.sentiment,
    ...(insight.urgent ? ['urgent'] : []),
    ...(insight.reason ? [insight.reason] : []),
  ];
  return `${readings.join(', ')}: '${quoteOf(heard.text)}'`;
}

/** The words as one line, cut at a word boundary when long. */
export function quoteOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= QUOTE_LENGTH) return line;
  const cut = line.slice(0, QUOTE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > QUOTE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** The higher of two priorities: an escalation never lowers one a channel or a person set. */
export function higherPriority(a: CasePriority, b: CasePriority): CasePriority {
  return CASE_PRIORITIES.indexOf(a) >= CASE_PRIORITIES.indexOf(b) ? a : b;
}
