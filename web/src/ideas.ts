// The ideas screens' own rules, without I/O: status names and the reason each owes, the reply a requester is
// offered by status (for the agent to make personal), a title from a customer's first words, and how the
// feedback health figures read.
import type { Idea, IdeaHistoryEntry, IdeaReply, IdeaStatus } from './ideas-api.ts';

/** Every status, in the order an idea usually moves through them; typed by the server's closed list. */
export const IDEA_STATUS_LABELS: Record<IdeaStatus, string> = {
  new: 'New',
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  declined: 'Declined',
  already_possible: 'Already possible',
};
export const IDEA_STATUSES = Object.keys(IDEA_STATUS_LABELS) as IdeaStatus[];

/**
 * The statuses a requester cannot be told without a reason, with what the reason is called. The server holds the
 * rule (src/feedback/idea-model.ts) and refuses beside the field; here it only names the field.
 */
export const REASON_LABELS: Partial<Record<IdeaStatus, string>> = {
  declined: 'Why it is declined',
  already_possible: 'How to do it today',
};

/** `Maria` from `Maria Garcia`; null for an address, a handle, a phone or a masked label (no name to greet). */
export function firstNameOf(label: string | null): string | null {
  const first = label?.trim().split(/\s+/)[0];
  if (!first || /[@\d*+]/.test(first)) return null;
  return first;
}

/** The reply offered to one requester, by the idea's status; the agent edits it before sending. */
export function replyTemplate(idea: Pick<Idea, 'title' | 'status' | 'statusReason'>, customerLabel: string | null) {
  const name = firstNameOf(customerLabel);
  const thanks = `Hi${name ? ` ${name}` : ''}, thank you for asking for “${idea.title}”.`;
  const reason = idea.statusReason?.trim() || '…';
  switch (idea.status) {
    case 'new':
    case 'under_review':
      return `${thanks} We are looking at it now, and I will write again when we have decided.`;
    case 'planned':
      return `${thanks} It is planned: I will let you know as soon as it is ready.`;
    case 'in_progress':
      return `${thanks} We are building it now: I will let you know as soon as you can use it.`;
    case 'shipped':
      return `${thanks} It is here: you can use it now.`;
    case 'declined':
      return `${thanks} We have decided not to do it, and you should know why: ${reason}`;
    case 'already_possible':
      return `${thanks} Good news: you can do it today. ${reason}`;
  }
}

const TITLE_WORDS = 8;
const TITLE_CHARACTERS = 80;

/** A title from the first words of her message, for the agent to improve: `Please add gift wrapping, I would…`. */
export function titleFromWords(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let title = words.slice(0, TITLE_WORDS).join(' ');
  if (title.length > TITLE_CHARACTERS) title = title.slice(0, TITLE_CHARACTERS).trimEnd();
  return title.length < words.join(' ').length ? `${title}…` : title;
}

/** How a reply went, in words: on her open case, by email, or recorded (she was answered by other means). */
export function viaText(reply: Pick<IdeaReply, 'via'>, caseNumber?: number): string {
  if (reply.via === 'case') return caseNumber === undefined ? 'Sent on her case' : `Sent on case #${caseNumber}`;
  if (reply.via === 'email') return 'Emailed';
  return 'Recorded as answered by hand';
}

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/** `25%`, `33.3%`. */
export function formatRate(rate: number): string {
  return percent.format(rate);
}

/** A median wait: `40 min`, `5.5 hours`, `3 days`. */
export function formatReplyHours(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) {
    const shown = Math.round(hours * 10) / 10;
    return `${shown} ${shown === 1 ? 'hour' : 'hours'}`;
  }
  return `${Math.round(hours / 24)} days`;
}

/** One entry of an idea's history in words. */
export function historyText(entry: Pick<IdeaHistoryEntry, 'change'>): string {
  const { change } = entry;
  if ('created' in change) {
    const created = change.created as { requester?: string | null } | null;
    return created?.requester ? 'Created from a customer’s words' : 'Created';
  }
  if ('requesterAdded' in change) return 'Another customer asked for it';
  if ('merged' in change) return 'A duplicate was merged into it, with its requesters';
  if ('mergedInto' in change) return 'Merged into another idea';
  if ('status' in change && Array.isArray(change.status)) {
    const [from, to] = change.status as IdeaStatus[];
    const moved = `Status ${statusLabel(from)} → ${statusLabel(to)}`;
    return typeof change.reason === 'string' ? `${moved}: ${change.reason}` : moved;
  }
  return JSON.stringify(change);
}

function statusLabel(status: IdeaStatus | undefined): string {
  return status ? (IDEA_STATUS_LABELS[status] ?? status) : '?';
}

/** The address of an idea page; the API accepts its number or its id. */
export function ideaPath(reference: number | string): string {
  return `/ideas/${encodeURIComponent(String(reference))}`;
}
