// An audit entry in words: what was done ("Archived team"), by whom, to what, and the rest of its detail.
// Pure, so the log's table only lays these out.
import { humanize } from '../labels.ts';
import type { AuditEntry } from './types.ts';

/** Every action the server records (grep `action:` and `audit: '` under src/), in the log's words. */
const ACTION_WORDS: Record<string, string> = {
  'customer.viewed': 'Viewed customer',
  'customer.timeline_viewed': 'Viewed customer timeline',
  'customer.messages_viewed': 'Viewed customer messages in trends',
  'customer.churn_reasons_viewed': 'Viewed why customers left',
  'customer.exported': 'Exported customer data',
  'customer.erased': 'Erased customer',
  'customer.merged': 'Merged customers',
  'customer.merge_undone': 'Undid customer merge',
  'customer.merge_refused': 'Refused customer merge',
  'customer.preference_set': 'Set customer preference',
  'customer.preference_removed': 'Removed customer preference',
  'customer.flag_set': 'Flagged customer',
  'customer.flag_cleared': 'Cleared customer flag',
  'customer.noted': 'Added note',
  'case.viewed': 'Viewed case',
  'case.changed': 'Changed case',
  'case.replied': 'Replied on case',
  'case.merged': 'Merged cases',
  'case.merge_undone': 'Undid case merge',
  'cases.bulk_changed': 'Changed cases in bulk',
  'gesture.issued': 'Issued gesture',
  'gesture.requested': 'Asked approval for gesture',
  'gesture.approved': 'Approved gesture',
  'gesture.rejected': 'Rejected gesture',
  'gesture_limits.changed': 'Changed gesture limits',
  'gesture_limits.removed': 'Removed gesture limits',
  'interactions.recorded': 'Recorded interactions',
  'staff.created': 'Added staff member',
  'staff.changed': 'Changed staff member',
  'staff.password_reset': 'Reset staff password',
  'staff.password_changed': 'Changed own password',
  'api_token.created': 'Created API token',
  'api_token.revoked': 'Revoked API token',
  'write_key.created': 'Created write key',
  'write_key.revoked': 'Revoked write key',
  'ingest.projector_changed': 'Paused or resumed event processing',
  'team.created': 'Created team',
  'team.changed': 'Changed team',
  'team.archived': 'Archived team',
  'team.restored': 'Restored team',
  'sla_policy.created': 'Created SLA policy',
  'sla_policy.changed': 'Changed SLA policy',
  'sla_policy.archived': 'Archived SLA policy',
  'sla_policy.restored': 'Restored SLA policy',
  'assignment_rule.created': 'Created assignment rule',
  'assignment_rule.changed': 'Changed assignment rule',
  'assignment_rule.deleted': 'Deleted assignment rule',
  'template.created': 'Created reply template',
  'template.changed': 'Changed reply template',
  'template.deleted': 'Deleted reply template',
  'flag_rule.changed': 'Changed flag rule',
  'case_settings.changed': 'Changed case settings',
  'churn_settings.changed': 'Changed churn settings',
};

/** For the action box's suggestions, alphabetical. */
export const KNOWN_ACTIONS: readonly string[] = Object.keys(ACTION_WORDS).sort();

/** `team.archived` → `Archived team`; an action this UI does not know yet still reads (`widget.moved` → `Moved widget`). */
export function describeAction(action: string): string {
  const known = ACTION_WORDS[action];
  if (known) return known;
  const dot = action.indexOf('.');
  if (dot < 0) return humanize(action);
  return `${humanize(action.slice(dot + 1))} ${humanize(action.slice(0, dot)).toLowerCase()}`;
}

/** Actions whose entry says more than the action alone, from what the change was sent. */
const ENTRY_WORDS: Record<string, (input: Record<string, unknown>) => string | null> = {
  'ingest.projector_changed': (input) =>
    input.paused === true ? 'Paused event processing' : input.paused === false ? 'Resumed event processing' : null,
};

/**
 * One entry's action in words, read with its detail where that says more: `Paused event processing` where
 * `describeAction` (one word for every entry of an action, as the filter offers it) says `Paused or resumed …`.
 */
export function describeEntry(entry: Pick<AuditEntry, 'action' | 'detail'>): string {
  const input = detailOf(entry)?.input;
  const words =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? ENTRY_WORDS[entry.action]?.(input as Record<string, unknown>)
      : null;
  return words ?? describeAction(entry.action);
}

export interface ActorWords {
  /** The staff member's name, else what acted: `Mona Manager`, `st_12`, `Write key`, `Command line (deploy)`. */
  who: string;
  /** Smaller text under it: the kind of actor and an id the name does not already show. */
  secondary: string | null;
}

/** `names`: staff ids to names, as far as the viewer may know them (managers cannot list staff). */
export function describeActor(
  entry: Pick<AuditEntry, 'actorKind' | 'actorId' | 'detail'>,
  names: ReadonlyMap<string, string>,
): ActorWords {
  const id = entry.actorId;
  switch (entry.actorKind) {
    case 'staff': {
      const name = id === null ? undefined : names.get(id);
      if (name) return { who: name, secondary: `Staff · ${id}` };
      return { who: id ?? 'Unknown staff member', secondary: 'Staff' };
    }
    case 'write_key':
      return { who: 'Write key', secondary: id };
    case 'cli': {
      const osUser = stringAt(detailOf(entry), 'osUser');
      return { who: osUser ? `Command line (${osUser})` : 'Command line', secondary: null };
    }
    case 'system':
      return { who: 'Rapport', secondary: 'Automatic' };
    default:
      // The column is free text in the database; a kind added later still shows rather than breaking the table.
      return { who: humanize(String(entry.actorKind)), secondary: id };
  }
}

export interface EntryTarget {
  /** Links to the customer's card. */
  customerId: string | null;
  /** Links to the case, for case and gesture entries. */
  caseId: string | null;
  /** What an administrative change was made to: a team, staff or key id. */
  target: string | null;
}

export function targetOf(entry: Pick<AuditEntry, 'customerId' | 'detail'>): EntryTarget {
  return {
    customerId: entry.customerId,
    caseId: stringAt(detailOf(entry), 'caseId'),
    target: stringAt(detailOf(entry), 'target'),
  };
}

export interface EntryDetails {
  /** What an administrative change was sent, secrets already redacted; undefined when it had no body. */
  input: unknown;
  /** Whatever else the entry holds (`changes`, `key`, `flag`…), without what the other columns already show. */
  other: Record<string, unknown> | null;
}

const SHOWN_ELSEWHERE = new Set(['target', 'input', 'osUser', 'caseId']);

/** The entry's detail as an object; the API promises only JSON, and null where there is none. */
export function detailOf(entry: Pick<AuditEntry, 'detail'>): Record<string, unknown> | null {
  const { detail } = entry;
  return typeof detail === 'object' && detail !== null && !Array.isArray(detail)
    ? (detail as Record<string, unknown>)
    : null;
}

export function detailsOf(entry: Pick<AuditEntry, 'detail'>): EntryDetails {
  const detail = detailOf(entry) ?? {};
  const rest = Object.entries(detail).filter(([key]) => !SHOWN_ELSEWHERE.has(key));
  return { input: detail.input, other: rest.length > 0 ? Object.fromEntries(rest) : null };
}

/** Indented JSON for reading, not parsing. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

// Seconds matter when lining entries up with server logs, so this shows them where time.ts does not.
const LOCAL_TIME = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });

/** `Mar 4, 2026, 2:05:09 PM` in the viewer's time zone. */
export function localTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : LOCAL_TIME.format(time);
}

function stringAt(detail: Record<string, unknown> | null, key: string): string | null {
  const value = detail?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
}
