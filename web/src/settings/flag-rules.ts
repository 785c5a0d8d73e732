// The flag rules in words: what each flag tells an agent, and the parameters a manager tunes.
import type { FlagName, FlagRule } from './types.ts';

export interface FlagParam {
  key: string;
  label: string;
  kind: 'number' | 'currency';
}

export interface FlagRuleCopy {
  title: string;
  /** When a customer earns the flag, with the parameters as the blanks. */
  explains: string;
  params: readonly FlagParam[];
}

export const FLAG_RULE_COPY: Record<FlagName, FlagRuleCopy> = {
  past_issues: {
    title: 'Past issues',
    explains:
      'A customer who had at least this many cases, or service-recovery gestures, within the window. Agents tread carefully.',
    params: [
      { key: 'cases', label: 'Cases', kind: 'number' },
      { key: 'gestures', label: 'Gestures', kind: 'number' },
      { key: 'days', label: 'Within (days)', kind: 'number' },
    ],
  },
  needs_extra_support: {
    title: 'Needs extra support',
    explains:
      'A customer whose cases were reopened, or who came back about the same thing, this many times within the window.',
    params: [
      { key: 'reopens', label: 'Reopened cases', kind: 'number' },
      { key: 'repeatContacts', label: 'Repeat contacts', kind: 'number' },
      { key: 'days', label: 'Within (days)', kind: 'number' },
    ],
  },
  at_risk: {
    title: 'At risk',
    explains:
      'A regular customer (at least this many contacts from her) who has not been in touch for this many days, or whose cases breached their SLA this many times within the window.',
    params: [
      { key: 'minInteractions', label: 'Contacts from her', kind: 'number' },
      { key: 'quietDays', label: 'Quiet for (days)', kind: 'number' },
      { key: 'breaches', label: 'SLA breaches', kind: 'number' },
      { key: 'days', label: 'Within (days)', kind: 'number' },
    ],
  },
  vip: {
    title: 'VIP',
    explains: 'A customer whose orders add up to at least this lifetime value, counted in one currency.',
    params: [
      { key: 'lifetimeValue', label: 'Lifetime value', kind: 'number' },
      { key: 'currency', label: 'Currency', kind: 'currency' },
    ],
  },
};

/** Rules in the order a manager reads them: the rosy flag last. */
export const FLAG_ORDER: readonly FlagName[] = ['at_risk', 'past_issues', 'needs_extra_support', 'vip'];

export type ParamsDraft = Record<string, string>;

export function paramsDraftOf(rule: FlagRule): ParamsDraft {
  return Object.fromEntries(Object.entries(rule.params).map(([key, value]) => [key, String(value)]));
}

/** Numbers as typed (an empty box becomes null for the server to refuse by name), currency in capitals. */
export function paramsOf(flag: FlagName, draft: ParamsDraft): FlagRule['params'] {
  const params: Record<string, unknown> = {};
  for (const { key, kind } of FLAG_RULE_COPY[flag].params) {
    const text = (draft[key] ?? '').trim();
    params[key] = kind === 'currency' ? text.toUpperCase() : text === '' ? null : Number(text);
  }
  return params as FlagRule['params'];
}
