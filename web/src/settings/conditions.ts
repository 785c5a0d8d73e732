// Assignment-rule conditions as the form edits them and as the list reads them out.
import { humanize } from '../labels.ts';
import type { CasePriority } from '../api/types.ts';
import { listOf, listText } from './lists.ts';
import type { RuleConditions } from './types.ts';

/** The channels cases come in on (the API accepts every interaction channel; these are the ones that open cases). */
export const CASE_CHANNELS = ['email', 'chat', 'social', 'phone', 'web_form', 'in_store', 'app', 'survey'] as const;

/** The contact reasons Rapport guesses by itself; agents may set others, so the box is free text. */
export const KNOWN_REASONS = [
  'refund',
  'damaged_item',
  'delivery',
  'cancellation',
  'billing',
  'account_access',
  'technical_issue',
] as const;

export interface ConditionsDraft {
  channels: string[];
  priorities: CasePriority[];
  reasons: string;
  keywords: string;
}

export function conditionsDraftOf(conditions: RuleConditions): ConditionsDraft {
  return {
    channels: conditions.channels ?? [],
    priorities: conditions.priorities ?? [],
    reasons: listText(conditions.reasons),
    keywords: listText(conditions.keywords),
  };
}

/** An empty choice is left out: to the API an empty list would match no case at all. */
export function conditionsOf(draft: ConditionsDraft): RuleConditions {
  const conditions: RuleConditions = {};
  if (draft.channels.length) conditions.channels = draft.channels;
  if (draft.priorities.length) conditions.priorities = draft.priorities;
  const reasons = listOf(draft.reasons);
  if (reasons.length) conditions.reasons = reasons;
  const keywords = listOf(draft.keywords);
  if (keywords.length) conditions.keywords = keywords;
  return conditions;
}

/** `Email or chat · urgent or high · reason refund · mentions “invoice”`, or `Every case`. */
export function describeConditions(conditions: RuleConditions): string {
  const parts = [
    conditions.channels?.length ? either(conditions.channels.map(humanize)) : '',
    conditions.priorities?.length ? `${either(conditions.priorities)} priority` : '',
    conditions.reasons?.length ? `reason ${either(conditions.reasons)}` : '',
    conditions.keywords?.length ? `mentions ${either(conditions.keywords.map((word) => `“${word}”`))}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Every case';
}

/** `Email or chat`: any of these values matches. */
export function either(items: readonly string[]): string {
  return items.join(' or ');
}

/** Adds or removes one value of a multiple choice. */
export function toggled<T>(items: readonly T[], item: T, on: boolean): T[] {
  return on ? (items.includes(item) ? [...items] : [...items, item]) : items.filter((existing) => existing !== item);
}
