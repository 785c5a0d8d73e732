// Escalation rules as the form edits them and as the list reads them out, the thresholds in plain words.
import { humanize } from '../labels.ts';
import type { EscalationRule } from '../api/types.ts';
import { either } from './conditions.ts';
import { listOf } from './lists.ts';
import type { EscalationConditionsInput } from './types.ts';

export const ESCALATION_PRIORITIES = ['high', 'urgent'] as const satisfies readonly EscalationRule['priority'][];

export type EscalationConditions = EscalationRule['conditions'];

/** Where a new rule starts: the thresholds of the rule Rapport ships (the server's defaults too). */
export const NEW_RULE_CONDITIONS: EscalationConditions = {
  channels: [],
  reasons: [],
  sentimentAtMost: -0.3,
  urgencyAtLeast: 0.5,
};

/** The two scores a rule reads, each a number box with its range and what its values mean. */
export const ESCALATION_THRESHOLDS = [
  {
    score: 'sentimentAtMost',
    label: 'Negative at or below',
    min: -1,
    max: 0,
    hint: 'From −1 (furious) to 0. −0.3: clearly negative; −0.7: only very angry.',
  },
  {
    score: 'urgencyAtLeast',
    label: 'Urgency at least',
    min: 0,
    max: 1,
    hint: 'From 0 to 1. 0: any urgency; 0.5: a deadline or “asap”; 1: only the most pressing.',
  },
] as const;

export interface EscalationConditionsDraft {
  channels: string[];
  /** Reasons chosen among the chips: the known ones and any the rule already names. */
  reasons: string[];
  /** More reasons, comma-separated, as agents name them on cases. */
  otherReasons: string;
  sentimentAtMost: string;
  urgencyAtLeast: string;
}

export function escalationDraftOf(conditions: EscalationConditions): EscalationConditionsDraft {
  return {
    channels: conditions.channels,
    reasons: conditions.reasons,
    otherReasons: '',
    sentimentAtMost: String(conditions.sentimentAtMost),
    urgencyAtLeast: String(conditions.urgencyAtLeast),
  };
}

/** Conditions taken whole, as the API replaces them; an empty threshold box goes as null for the server to refuse. */
export function escalationConditionsOf(draft: EscalationConditionsDraft): EscalationConditionsInput {
  const typed = (text: string) => (text.trim() === '' ? null : Number(text));
  return {
    channels: draft.channels,
    reasons: [...new Set([...draft.reasons, ...listOf(draft.otherReasons)])],
    sentimentAtMost: typed(draft.sentimentAtMost),
    urgencyAtLeast: typed(draft.urgencyAtLeast),
  };
}

/** `−0.3`: a score with a real minus sign, as people write it. */
export function scoreText(score: number): string {
  return String(score).replace('-', '−');
}

/** `Email or social · reason refund · sentiment −0.3 or lower · urgency 0.5 or more`; an empty list is "any". */
export function describeEscalation(conditions: EscalationConditions): string {
  return [
    conditions.channels.length ? either(conditions.channels.map(humanize)) : 'Any channel',
    conditions.reasons.length ? `reason ${either(conditions.reasons)}` : 'any reason',
    `sentiment ${scoreText(conditions.sentimentAtMost)} or lower`,
    conditions.urgencyAtLeast > 0 ? `urgency ${conditions.urgencyAtLeast} or more` : 'any urgency',
  ].join(' · ');
}
